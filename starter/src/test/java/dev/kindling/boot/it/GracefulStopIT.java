package dev.kindling.boot.it;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import org.jivesoftware.smack.packet.IQ;
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
 * Stopping the application: a request already accepted still gets its answer, the stream is
 * closed, and no Kindling thread that would keep the JVM alive is left behind.
 */
class GracefulStopIT {

	@RegisterExtension
	static final ProsodyExtension prosody = ProsodyExtension.withUsers("alice");

	@Test
	void answersAcceptedRequestsThenLeavesNoThreadBehind() throws Exception {
		ConfigurableApplicationContext bot = TestBot.start(prosody.server());
		ComponentConnection connection = bot.getBean(ComponentConnection.class);
		StanzaDispatcher dispatcher = bot.getBean(StanzaDispatcher.class);
		TestBot.Gate gate = bot.getBean(TestBot.Gate.class);
		await().atMost(Duration.ofSeconds(10)).until(() -> connection.getState() == ConnectionState.CONNECTED);
		assertThat(kindlingThreads(false)).isNotEmpty();

		try (XmppTestClient alice = XmppTestClient.login(prosody.server(), "alice", "alice")) {
			gate.close();
			AtomicReference<Object> answer = new AtomicReference<>();
			alice.connection()
				.sendIqRequestAsync(XmppTestClient.iq(prosody.server().componentDomain(), IQ.Type.get, "query", TestBot.BLOCK_NS))
				.onSuccess(answer::set)
				.onError(answer::set);
			await().atMost(Duration.ofSeconds(10)).until(() -> dispatcher.queued() == 1);

			CompletableFuture<Void> stopped = CompletableFuture.runAsync(bot::close);
			await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !stopped.isDone());
			gate.open();
			stopped.get();

			await().atMost(Duration.ofSeconds(10)).until(() -> answer.get() != null);
			assertThat(answer.get()).isInstanceOfSatisfying(IQ.class, (iq) -> assertThat(iq.getType()).isEqualTo(IQ.Type.result));
		}
		assertThat(connection.getState()).isEqualTo(ConnectionState.STOPPED);
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(kindlingThreads(true)).isEmpty());
	}

	/** Live threads named kindling-*, optionally only the non-daemon ones. */
	private static java.util.List<String> kindlingThreads(boolean daemonsToo) {
		return Thread.getAllStackTraces().keySet().stream()
			.filter((thread) -> thread.isAlive() && thread.getName().startsWith("kindling-") && (daemonsToo || !thread.isDaemon()))
			.map(Thread::getName)
			.toList();
	}

}
