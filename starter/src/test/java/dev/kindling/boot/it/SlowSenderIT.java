package dev.kindling.boot.it;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.jivesoftware.smack.packet.IQ;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.context.ConfigurableApplicationContext;

import dev.kindling.connection.ComponentConnection;
import dev.kindling.connection.ConnectionState;
import dev.kindling.test.ProsodyExtension;
import dev.kindling.test.XmppTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A handler stuck on one sender's stanza holds only that sender's lane: other senders are answered
 * meanwhile, and the stuck sender's later stanzas wait their turn and keep their order.
 */
class SlowSenderIT {

	@RegisterExtension
	static final ProsodyExtension prosody = ProsodyExtension.withUsers("alice", "bob");

	static ConfigurableApplicationContext bot;

	@BeforeAll
	static void startBot() {
		// Two handler threads: the stuck handler takes one, everyone else shares the other.
		bot = TestBot.start(prosody.server(), "--xmpp.dispatch.threads=2");
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
	void aSlowHandlerForOneSenderDoesNotDelayOthers() {
		String domain = prosody.server().componentDomain();
		TestBot.Gate gate = bot.getBean(TestBot.Gate.class);
		gate.close();
		try (XmppTestClient alice = XmppTestClient.login(prosody.server(), "alice", "alice");
				XmppTestClient bob = XmppTestClient.login(prosody.server(), "bob", "bob")) {
			AtomicInteger aliceAnswers = new AtomicInteger();
			alice.connection()
				.sendIqRequestAsync(XmppTestClient.iq(domain, IQ.Type.get, "query", TestBot.BLOCK_NS), 30_000)
				.onSuccess((answer) -> aliceAnswers.incrementAndGet());
			alice.sendChat("echo@" + domain, "alice after the slow one");

			for (int i = 0; i < 20; i++) {
				bob.sendChat("echo@" + domain, "bob " + i);
			}
			assertThat(bob.awaitMessages(20, Duration.ofSeconds(10))).extracting((m) -> m.getBody())
				.containsExactly(java.util.stream.IntStream.range(0, 20).mapToObj((i) -> "bob " + i).toArray(String[]::new));
			// Alice's chat is queued behind her stuck request, in order.
			assertThat(aliceAnswers).hasValue(0);
			assertThat(alice.pendingMessages()).isZero();

			gate.open();
			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(aliceAnswers).hasValue(1));
			assertThat(alice.awaitMessage().getBody()).isEqualTo("alice after the slow one");
		}
		finally {
			gate.open();
		}
	}

}
