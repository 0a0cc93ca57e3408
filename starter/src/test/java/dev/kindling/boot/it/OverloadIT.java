package dev.kindling.boot.it;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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
 * A bot with a tiny queue whose handler is held shut: excess IQ requests are answered
 * {@code resource-constraint} of type {@code wait}, excess messages are dropped and counted, the
 * queue never grows past its capacity, and every request still gets exactly one answer.
 */
class OverloadIT {

	static final int CAPACITY = 4;

	@RegisterExtension
	static final ProsodyExtension prosody = ProsodyExtension.withUsers("alice", "bob");

	static ConfigurableApplicationContext bot;

	@BeforeAll
	static void startBot() {
		bot = TestBot.start(prosody.server(), "--xmpp.dispatch.queue-capacity=" + CAPACITY, "--xmpp.dispatch.threads=2");
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
	void excessRequestsAreToldToWaitAndEveryRequestGetsOneAnswer() throws Exception {
		String domain = prosody.server().componentDomain();
		TestBot.Gate gate = bot.getBean(TestBot.Gate.class);
		StanzaDispatcher dispatcher = bot.getBean(StanzaDispatcher.class);
		gate.close();
		try (XmppTestClient alice = XmppTestClient.login(prosody.server(), "alice", "alice");
				XmppTestClient bob = XmppTestClient.login(prosody.server(), "bob", "bob")) {
			int requests = 40;
			AtomicInteger results = new AtomicInteger();
			AtomicInteger waits = new AtomicInteger();
			List<Exception> unexpected = new CopyOnWriteArrayList<>();
			for (int i = 0; i < requests; i++) {
				alice.connection()
					.sendIqRequestAsync(XmppTestClient.iq(domain, IQ.Type.get, "query", TestBot.BLOCK_NS))
					.onSuccess((answer) -> results.incrementAndGet())
					.onError((ex) -> {
						if (ex instanceof XMPPErrorException error
								&& error.getStanzaError().getCondition() == StanzaError.Condition.resource_constraint
								&& error.getStanzaError().getType() == StanzaError.Type.WAIT) {
							waits.incrementAndGet();
						}
						else {
							unexpected.add(ex);
						}
					});
			}
			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(waits).hasValue(requests - CAPACITY));
			assertThat(results).hasValue(0);
			assertThat(dispatcher.queued()).isEqualTo(CAPACITY);

			long droppedBefore = dispatcher.dropped();
			for (int i = 0; i < 10; i++) {
				bob.sendChat("echo@" + domain, "while full " + i);
			}
			await().atMost(Duration.ofSeconds(10)).until(() -> dispatcher.dropped() - droppedBefore == 10);
			assertThat(dispatcher.queued()).isEqualTo(CAPACITY);

			gate.open();
			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(results).hasValue(CAPACITY));
			await().atMost(Duration.ofSeconds(10)).until(() -> dispatcher.queued() == 0);
			assertThat(waits).hasValue(requests - CAPACITY);
			assertThat(unexpected).isEmpty();
			assertThat(bob.pendingMessages()).isZero();

			// Once drained, the bot serves again.
			bob.sendChat("echo@" + domain, "after");
			assertThat(bob.awaitMessage().getBody()).isEqualTo("after");
		}
		finally {
			gate.open();
		}
	}

}
