package dev.kindling.boot.it;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.jivesoftware.smack.XMPPException.XMPPErrorException;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.StanzaError;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.context.ConfigurableApplicationContext;

import dev.kindling.connection.ComponentConnection;
import dev.kindling.connection.ConnectionState;
import dev.kindling.dispatch.StanzaDispatcher;
import dev.kindling.test.ProsodyExtension;
import dev.kindling.test.XmppTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One sender floods far beyond its rate: its excess IQ requests are told to wait
 * ({@code resource-constraint}), its excess messages are dropped and counted, nothing piles up in
 * the queues, and another sender is served meanwhile.
 */
class RateLimitIT {

	static final int BURST = 5;

	@RegisterExtension
	static final ProsodyExtension prosody = ProsodyExtension.withUsers("alice", "bob");

	static ConfigurableApplicationContext bot;

	@BeforeAll
	static void startBot() {
		bot = TestBot.start(prosody.server(), "--xmpp.dispatch.rate-limit.burst=" + BURST,
				"--xmpp.dispatch.rate-limit.per-second=0.01");
		ComponentConnection connection = bot.getBean(ComponentConnection.class);
		await().atMost(Duration.ofSeconds(10)).until(() -> connection.getState() == ConnectionState.CONNECTED);
	}

	@AfterAll
	static void stopBot() {
		if (bot != null) {
			bot.close();
		}
	}

	@Test
	void aFloodingSenderIsLimitedWhileOthersAreServed() {
		String domain = prosody.server().componentDomain();
		StanzaDispatcher dispatcher = bot.getBean(StanzaDispatcher.class);
		try (XmppTestClient alice = XmppTestClient.login(prosody.server(), "alice", "alice");
				XmppTestClient bob = XmppTestClient.login(prosody.server(), "bob", "bob")) {
			int requests = 10 * BURST;
			AtomicInteger results = new AtomicInteger();
			AtomicInteger waits = new AtomicInteger();
			AtomicInteger other = new AtomicInteger();
			for (int i = 0; i < requests; i++) {
				alice.connection()
					.sendIqRequestAsync(XmppTestClient.iq(domain, IQ.Type.get, "ping", "urn:xmpp:ping"))
					.onSuccess((answer) -> results.incrementAndGet())
					.onError((ex) -> {
						if (ex instanceof XMPPErrorException error
								&& error.getStanzaError().getCondition() == StanzaError.Condition.resource_constraint
								&& error.getStanzaError().getType() == StanzaError.Type.WAIT) {
							waits.incrementAndGet();
						}
						else {
							other.incrementAndGet();
						}
					});
			}
			for (int i = 0; i < requests; i++) {
				alice.sendChat("echo@" + domain, "flood " + i);
			}
			bob.sendChat("echo@" + domain, "calm");
			assertThat(bob.awaitMessage().getBody()).isEqualTo("calm");

			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(results.get() + waits.get()).isEqualTo(requests));
			assertThat(other).hasValue(0);
			assertThat(results.get()).isLessThanOrEqualTo(BURST);
			assertThat(waits.get()).isGreaterThanOrEqualTo(requests - BURST);
			await().atMost(Duration.ofSeconds(10)).until(() -> dispatcher.rateLimited() >= 2L * requests - BURST);
			assertThat(dispatcher.queued()).isZero();
			assertThat(dispatcher.dropped()).isGreaterThanOrEqualTo(requests - BURST);
		}
	}

}
