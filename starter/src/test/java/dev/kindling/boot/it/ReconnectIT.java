package dev.kindling.boot.it;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

import dev.kindling.connection.ComponentConnectException;
import dev.kindling.connection.ComponentConnectException.Reason;
import dev.kindling.connection.ComponentConnectedEvent;
import dev.kindling.connection.ComponentConnection;
import dev.kindling.connection.ComponentDisconnectedEvent;
import dev.kindling.connection.ComponentReconnectingEvent;
import dev.kindling.connection.ConnectionState;
import dev.kindling.test.ProsodyExtension;
import dev.kindling.test.XmppTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What production does to a component: the server killed and restarted, frozen past the ping
 * timeout, a wrong secret, a second instance for the same domain (it stands by; HandOverIT covers
 * the hand-over itself).
 */
class ReconnectIT {

	@RegisterExtension
	static final ProsodyExtension prosody = ProsodyExtension.withUsers("alice");

	private final List<ConfigurableApplicationContext> bots = new CopyOnWriteArrayList<>();

	private final List<ApplicationEvent> events = new CopyOnWriteArrayList<>();

	@AfterEach
	void stopBots() {
		this.bots.forEach(ConfigurableApplicationContext::close);
		if (!prosody.server().isRunning()) {
			prosody.server().restart();
		}
	}

	private ComponentConnection start(String... properties) {
		ConfigurableApplicationContext bot = TestBot.start(prosody.server(), properties);
		bot.addApplicationListener((ApplicationListener<ApplicationEvent>) (event) -> {
			if (event instanceof ComponentConnectedEvent || event instanceof ComponentDisconnectedEvent
					|| event instanceof ComponentReconnectingEvent) {
				this.events.add(event);
			}
		});
		this.bots.add(bot);
		return bot.getBean(ComponentConnection.class);
	}

	private void assertEchoes(String body) {
		try (XmppTestClient alice = XmppTestClient.login(prosody.server(), "alice", "alice")) {
			alice.sendChat("echo@" + prosody.server().componentDomain(), body);
			assertThat(alice.awaitMessage().getBody()).isEqualTo(body);
		}
	}

	@Test
	void reconnectsAfterTheServerIsKilledAndRestarted() {
		ComponentConnection connection = start();
		await().atMost(Duration.ofSeconds(10)).until(() -> connection.getState() == ConnectionState.CONNECTED);
		assertEchoes("before");

		prosody.server().kill();
		await().atMost(Duration.ofSeconds(10)).until(() -> connection.getState() != ConnectionState.CONNECTED);
		prosody.server().restart();

		await().atMost(Duration.ofSeconds(15)).until(() -> connection.getState() == ConnectionState.CONNECTED
				&& connection.getStatus().connects() == 2);
		assertEchoes("after");
		assertThat(this.events).anySatisfy((event) -> assertThat(event).isInstanceOf(ComponentDisconnectedEvent.class));
		assertThat(this.events).filteredOn(ComponentConnectedEvent.class::isInstance)
			.extracting((event) -> ((ComponentConnectedEvent) event).isReconnect())
			.contains(true);
	}

	@Test
	void detectsAFrozenServerByPingAndRecovers() {
		ComponentConnection connection = start("--xmpp.component.ping-interval=500ms", "--xmpp.component.ping-timeout=1s");
		await().atMost(Duration.ofSeconds(10)).until(() -> connection.getState() == ConnectionState.CONNECTED);

		prosody.server().freeze();
		try {
			await().atMost(Duration.ofSeconds(10)).until(() -> connection.getState() != ConnectionState.CONNECTED);
			assertThat(connection.getStatus().lastFailure()).isInstanceOfSatisfying(ComponentConnectException.class,
					(ex) -> assertThat(ex.getReason()).isEqualTo(Reason.PING_TIMEOUT));
		}
		finally {
			prosody.server().unfreeze();
		}

		await().atMost(Duration.ofSeconds(15)).until(() -> connection.getState() == ConnectionState.CONNECTED
				&& connection.getStatus().connects() >= 2);
		assertEchoes("thawed");
	}

	@Test
	void wrongSecretIsReportedAsNotAuthorized() {
		ComponentConnection connection = start("--xmpp.component.secret=not-the-secret");

		await().atMost(Duration.ofSeconds(10)).until(() -> connection.getStatus().lastFailure() != null);

		assertThat(connection.getState()).isNotEqualTo(ConnectionState.CONNECTED);
		assertThat(connection.getStatus().lastFailure()).isInstanceOfSatisfying(ComponentConnectException.class,
				(ex) -> {
					assertThat(ex.getReason()).isEqualTo(Reason.NOT_AUTHORIZED);
					assertThat(ex.getMessage()).contains("xmpp.component.secret").doesNotContain("not-the-secret");
				});
	}

	@Test
	void domainTheServerDoesNotKnowIsReportedAsHostUnknown() {
		ComponentConnection connection = start("--xmpp.component.domain=stranger.localhost");

		await().atMost(Duration.ofSeconds(10)).until(() -> connection.getStatus().lastFailure() != null);

		assertThat(connection.getStatus().lastFailure()).isInstanceOfSatisfying(ComponentConnectException.class,
				(ex) -> {
					assertThat(ex.getReason()).isEqualTo(Reason.NOT_AUTHORIZED);
					assertThat(ex.getMessage()).contains("host-unknown").contains("stranger.localhost");
				});
	}

	@Test
	void secondInstanceForTheSameDomainStandsByAfterConflict() {
		ComponentConnection first = start();
		await().atMost(Duration.ofSeconds(10)).until(() -> first.getState() == ConnectionState.CONNECTED);

		ComponentConnection second = start();
		await().atMost(Duration.ofSeconds(10)).until(() -> second.getState() == ConnectionState.STANDBY);

		assertThat(second.getStatus().lastFailure()).isInstanceOfSatisfying(ComponentConnectException.class,
				(ex) -> assertThat(ex.getReason()).isEqualTo(Reason.CONFLICT));
		assertThat(first.getState()).isEqualTo(ConnectionState.CONNECTED);
		assertEchoes("first still serves");
	}

}
