package dev.kindling.liveness;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;

import dev.kindling.connection.ComponentConnectedEvent;
import dev.kindling.connection.ComponentConnection;
import dev.kindling.connection.ComponentDisconnectedEvent;
import dev.kindling.connection.ComponentEndpoint;
import dev.kindling.connection.ComponentTransport;
import dev.kindling.connection.ConnectionSettings;
import dev.kindling.connection.OutboundQueue;
import dev.kindling.observe.StanzaObserver;
import dev.kindling.testsupport.CapturingXmppTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class LivenessMonitorTests {

	private final ComponentEndpoint endpoint = new ComponentEndpoint("127.0.0.1", 5347, "bot.example.com", "s3cret");

	private final ComponentConnection connection = new ComponentConnection(this.endpoint,
			new ConnectionSettings(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(2), 65536,
					Duration.ZERO),
			new OutboundQueue(10), (stanza) -> {
			}, (event) -> {
			}, StanzaObserver.NONE, ComponentTransport.TCP);

	/** Its requests are never answered. */
	private final CapturingXmppTemplate template = new CapturingXmppTemplate("bot.example.com");

	private final LivenessMonitor monitor = new LivenessMonitor(this.connection, this.template, new JID("example.com"),
			Duration.ofMillis(20), Duration.ofMillis(100));

	@AfterEach
	void destroy() {
		this.monitor.destroy();
	}

	@Test
	void aPingUnansweredPastTheTimeoutIsOverdueUntilTheStreamGoes() {
		assertThat(this.monitor.isPingOverdue()).isFalse();
		this.monitor.onApplicationEvent(new ComponentConnectedEvent(this.connection, this.endpoint, "s1", 1));

		await().atMost(Duration.ofSeconds(5)).until(() -> !this.template.requests().isEmpty());
		await().atMost(Duration.ofSeconds(5)).until(this.monitor::isPingOverdue);
		assertThat(this.monitor.lastRoundTrip()).isNull();
		assertThat(this.monitor.lastAnswerAt()).isNull();

		this.monitor.onApplicationEvent(new ComponentDisconnectedEvent(this.connection, null));
		assertThat(this.monitor.isPingOverdue()).isFalse();
	}

	@Test
	void aSelfAddressIsPingedFromAndToItselfWhileThereIsOne() {
		AtomicReference<JID> self = new AtomicReference<>();
		this.monitor.setSelfAddress(self::get);
		this.monitor.onApplicationEvent(new ComponentConnectedEvent(this.connection, this.endpoint, "s1", 1));
		await().atMost(Duration.ofSeconds(5)).until(() -> !this.template.requests().isEmpty());
		IQ toServer = this.template.requests().get(0);
		assertThat(toServer.getTo()).isEqualTo(new JID("example.com"));
		assertThat(toServer.getFrom()).isNull();

		JID home = new JID("kindling.3@bot.example.com");
		self.set(home);
		await().atMost(Duration.ofSeconds(5))
			.until(() -> this.template.requests().stream().anyMatch((ping) -> home.equals(ping.getTo())));
		IQ toSelf = this.template.requests().stream().filter((ping) -> home.equals(ping.getTo())).findFirst().orElseThrow();
		assertThat(toSelf.getFrom()).isEqualTo(home);
		assertThat(toSelf.getChildElement().getNamespaceURI()).isEqualTo("urn:xmpp:ping");
	}

	@Test
	void notOverdueBeforeTheFirstPing() {
		this.monitor.onApplicationEvent(new ComponentConnectedEvent(this.connection, this.endpoint, "s1", 1));
		assertThat(this.monitor.isPingOverdue()).isFalse();
		assertThat(this.monitor.getTimeout()).isEqualTo(Duration.ofMillis(100));
	}

}
