package dev.kindling.boot.it;

import java.time.Duration;
import java.util.List;

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
 * Kill -9 and restart the server three times: every time the component comes back and serves,
 * and its threads are back to the same set as before (no reader, writer, supervisor or liveness thread left behind, and
 * the handler pool never grows past its size).
 */
class ThreadLeakIT {

	@RegisterExtension
	static final ProsodyExtension prosody = ProsodyExtension.withUsers("alice");

	static ConfigurableApplicationContext bot;

	@BeforeAll
	static void startBot() {
		bot = TestBot.start(prosody.server());
	}

	@AfterAll
	static void stopBot() {
		if (bot != null) {
			bot.close();
		}
		if (!prosody.server().isRunning()) {
			prosody.server().restart();
		}
	}

	@Test
	void threadCountReturnsToBaselineAfterKillAndRestartCycles() {
		ComponentConnection connection = bot.getBean(ComponentConnection.class);
		await().atMost(Duration.ofSeconds(10)).until(() -> connection.getState() == ConnectionState.CONNECTED);
		assertEchoes("baseline");
		List<String> baseline = kindlingThreads();
		assertThat(baseline).anyMatch((name) -> name.startsWith("kindling-reader-"))
			.anyMatch((name) -> name.startsWith("kindling-writer-"));

		for (int cycle = 1; cycle <= 3; cycle++) {
			prosody.server().kill();
			await().atMost(Duration.ofSeconds(10)).until(() -> connection.getState() != ConnectionState.CONNECTED);
			prosody.server().restart();
			int connects = cycle + 1;
			await().atMost(Duration.ofSeconds(15)).until(() -> connection.getState() == ConnectionState.CONNECTED
					&& connection.getStatus().connects() == connects);
			assertEchoes("cycle " + cycle);
		}
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(kindlingThreads()).isEqualTo(baseline));
		// The handler pool is one for the application's life; it never grows past its size (8).
		assertThat(handlerThreads()).isBetween(1L, 8L);
	}

	private static void assertEchoes(String body) {
		try (XmppTestClient alice = XmppTestClient.login(prosody.server(), "alice", "alice")) {
			alice.sendChat("echo@" + prosody.server().componentDomain(), body);
			assertThat(alice.awaitMessage().getBody()).isEqualTo(body);
		}
	}

	/** Names of Kindling's live threads, handler pool numbers folded (the pool may start a thread late). */
	private static List<String> kindlingThreads() {
		return Thread.getAllStackTraces().keySet().stream()
			.filter(Thread::isAlive)
			.map(Thread::getName)
			.filter((name) -> name.startsWith("kindling-") && !name.startsWith("kindling-handler-"))
			.sorted()
			.toList();
	}

	private static long handlerThreads() {
		return Thread.getAllStackTraces().keySet().stream()
			.filter((thread) -> thread.isAlive() && thread.getName().startsWith("kindling-handler-"))
			.count();
	}

}
