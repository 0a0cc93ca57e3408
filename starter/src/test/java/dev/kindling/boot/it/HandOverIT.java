package dev.kindling.boot.it;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaError;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.context.ConfigurableApplicationContext;

import dev.kindling.connection.ComponentConnection;
import dev.kindling.connection.ConnectionState;
import dev.kindling.devserver.ProsodyOptions.ConflictResolve;
import dev.kindling.devserver.ProsodyServer;
import dev.kindling.observe.DropReason;
import dev.kindling.test.ProsodyExtension;
import dev.kindling.test.XmppTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of one bot against a real Prosody, under steady load from real clients: with
 * {@code kick_new} the newcomer stands by and takes over when the active one stops, losing
 * nothing; with {@code kick_old} the newcomer takes over at once and the replaced one stays down.
 * Neither setting makes the two flap. The figures are printed; only correctness is asserted.
 */
class HandOverIT {

	private static final Duration WAIT = Duration.ofSeconds(15);

	/** 2 clients × one chat every 4 ms: 500 chats/s. */
	private static final Duration PERIOD = Duration.ofMillis(4);

	private static final int HAND_OVERS = 3;

	private final List<ConfigurableApplicationContext> bots = new CopyOnWriteArrayList<>();

	private final List<XmppTestClient> clients = new ArrayList<>();

	private final List<TestBot.RecordingObserver> observers = new CopyOnWriteArrayList<>();

	@AfterEach
	void stopAll() {
		this.bots.forEach(ConfigurableApplicationContext::close);
		this.clients.forEach(XmppTestClient::close);
	}

	private ConfigurableApplicationContext startBot(ProsodyServer server) {
		// Each client sends far above a person's rate, and above the default per-sender limit.
		ConfigurableApplicationContext bot = TestBot.startWeb(server, "--xmpp.component.shutdown-timeout=5s",
				"--xmpp.dispatch.rate-limit.per-second=2000",
				"--logging.level.dev.kindling.connection.ComponentStream=debug");
		this.bots.add(bot);
		this.observers.add(bot.getBean(TestBot.RecordingObserver.class));
		return bot;
	}

	private static ComponentConnection connection(ConfigurableApplicationContext bot) {
		return bot.getBean(ComponentConnection.class);
	}

	private SteadyLoad load(ProsodyServer server) {
		this.clients.add(XmppTestClient.login(server, "alice", "alice"));
		this.clients.add(XmppTestClient.login(server, "bob", "bob"));
		return new SteadyLoad(this.clients, "echo@" + server.componentDomain(), PERIOD);
	}

	/** Stanzas the instances were delivered after their stream's end was sent, which none could answer. */
	private int unanswerable() {
		return this.observers.stream().mapToInt((observer) -> observer.dropped(DropReason.AFTER_STREAM_END)).sum();
	}

	private static int readiness(ConfigurableApplicationContext bot) {
		return new ActuatorClient(bot).get("/actuator/health/readiness").statusCode();
	}

	/**
	 * A rolling update under steady load: each new instance stands by, then the old one is stopped
	 * (SIGTERM), {@value #HAND_OVERS} times. Returns the load's figures once every answer is in.
	 */
	private SteadyLoad.Figures rollingRestart(ProsodyServer server, String label) {
		ConfigurableApplicationContext first = startBot(server);
		await().atMost(WAIT).until(() -> connection(first).getState() == ConnectionState.CONNECTED);

		ConfigurableApplicationContext active = first;
		try (SteadyLoad load = load(server)) {
			load.start();
			for (int round = 1; round <= HAND_OVERS; round++) {
				ConfigurableApplicationContext standby = startBot(server);
				await().atMost(WAIT).until(() -> connection(standby).getState() == ConnectionState.STANDBY);
				assertThat(readiness(standby)).as("a standby is ready: the rolling update goes on").isEqualTo(200);
				// No flapping: the active one keeps the domain, the newcomer keeps waiting.
				ConfigurableApplicationContext holder = active;
				await().during(Duration.ofSeconds(1)).atMost(WAIT)
					.until(() -> connection(holder).getState() == ConnectionState.CONNECTED
							&& connection(standby).getState() == ConnectionState.STANDBY);
				assertThat(connection(holder).getStatus().connects()).isEqualTo(1);

				long stopping = System.nanoTime();
				active.close();
				Instant stopped = Instant.now();
				long stopMillis = (System.nanoTime() - stopping) / 1_000_000;
				await().atMost(WAIT).until(() -> connection(standby).getState() == ConnectionState.CONNECTED);
				Duration takeOver = Duration.between(stopped, connection(standby).getStatus().since());
				System.out.printf("[hand-over %s] round %d: stop (drain + close) %d ms, taken over %d ms after "
						+ "the stop returned%n", label, round, stopMillis, takeOver.toMillis());
				assertThat(takeOver).isLessThanOrEqualTo(Duration.ofSeconds(1));
				active = standby;
			}
			ConfigurableApplicationContext last = active;
			await().during(Duration.ofSeconds(1)).atMost(WAIT)
				.until(() -> connection(last).getState() == ConnectionState.CONNECTED);
			load.stop();
			// Answers still on their way count as lost until they arrive (slow on a loaded machine).
			await().atMost(Duration.ofSeconds(30)).until(() -> load.figures().lost() <= unanswerable());

			SteadyLoad.Figures figures = load.figures();
			System.out.printf("[hand-over %s] %d hand-overs under %d chats/s: %s; %d delivered after a stream's end%n",
					label, HAND_OVERS, 2 * Duration.ofSeconds(1).dividedBy(PERIOD), figures, unanswerable());
			// Nothing is lost silently: what no answer came back for is exactly what the server
			// delivered after an instance had sent its stream's end, and each instance counted it.
			assertThat(figures.lost()).isEqualTo(unanswerable());
			assertThat(figures.errored()).as("every error says: try again").isEqualTo(figures.waitErrors());
			assertThat(figures.answered()).isPositive();
			assertThat(connection(last).getStatus().connects()).isEqualTo(1);
			return figures;
		}
	}

	@Nested
	class KickNew {

		@RegisterExtension
		static final ProsodyExtension prosody = ProsodyExtension.withUsers("alice", "bob")
			.conflictResolve(ConflictResolve.KICK_NEW);

		/**
		 * A rolling update with Kindling's Prosody module: each draining instance has the server
		 * hold the domain's stanzas, and the next instance gets them. Nothing is lost, no sender
		 * gets an error.
		 */
		@Test
		void aRollingRestartWithTheHoldLosesNothingAndAnswersEveryChat() {
			SteadyLoad.Figures figures = rollingRestart(prosody.server(), "kick_new + hold");
			assertThat(unanswerable()).as("nothing arrives after a granted hold").isZero();
			assertThat(figures.lost()).isZero();
			assertThat(figures.errored()).isZero();
			assertThat(figures.answered()).isEqualTo(figures.sent());
			// Not a timing test: a sanity bound on a loaded 2-core machine. Held chats are answered late,
			// not refused, so the gap shows in the wait for an answer.
			assertThat(figures.longestWait()).isLessThan(Duration.ofSeconds(5));
		}

		@Test
		void whileNoInstanceIsConnectedTheServerBouncesAWaitError() {
			ProsodyServer server = prosody.server();
			try (XmppTestClient alice = XmppTestClient.login(server, "alice", "alice")) {
				String id = alice.sendChat("echo@" + server.componentDomain(), "anyone there?");

				Message bounce = alice.awaitMessage();
				assertThat(bounce.getStanzaId()).isEqualTo(id);
				assertThat(bounce.getType()).isEqualTo(Message.Type.error);
				assertThat(bounce.getError().getCondition()).isEqualTo(StanzaError.Condition.remote_server_timeout);
				assertThat(bounce.getError().getType()).isEqualTo(StanzaError.Type.WAIT);
			}
		}

	}

	/** The same rolling update on a server without Kindling's module: the drain's ping barrier. */
	@Nested
	class KickNewWithoutTheModule {

		@RegisterExtension
		static final ProsodyExtension prosody = ProsodyExtension.withUsers("alice", "bob")
			.conflictResolve(ConflictResolve.KICK_NEW)
			.handover(false);

		@Test
		void aRollingRestartFallsBackToThePingBarrierAndLosesNothingUncounted() {
			rollingRestart(prosody.server(), "kick_new, no module");
		}

	}

	@Nested
	class KickOld {

		@RegisterExtension
		static final ProsodyExtension prosody = ProsodyExtension.withUsers("alice", "bob")
			.conflictResolve(ConflictResolve.KICK_OLD);

		@Test
		void oneInstanceEndsUpActiveTheOtherReplacedAndTheyStopKickingEachOther() throws IOException {
			ProsodyServer server = prosody.server();
			ConfigurableApplicationContext old = startBot(server);
			await().atMost(WAIT).until(() -> connection(old).getState() == ConnectionState.CONNECTED);

			try (SteadyLoad load = load(server)) {
				load.start();
				await().atMost(WAIT).until(() -> load.figures().answered() > 100);

				ConfigurableApplicationContext newcomer = startBot(server);
				// Usually the newcomer wins at once. Under load, Prosody 0.12 sometimes closes the kicked
				// session without writing its conflict error (a Lua error on the kicked connection's
				// incoming data), so the kicked one sees a plain end of stream and reconnects, kicking
				// in turn; the first instance that does see the conflict stays down, and that ends it.
				await().atMost(WAIT).until(() -> settled(old, newcomer));
				long kicks = kicks(server);
				await().during(Duration.ofSeconds(3)).atMost(WAIT).until(() -> settled(old, newcomer));
				load.stop();
				load.awaitSettled(Duration.ofSeconds(3));

				SteadyLoad.Figures figures = load.figures();
				boolean newcomerWon = connection(newcomer).getState() == ConnectionState.CONNECTED;
				System.out.printf("[hand-over kick_old] %d kick(s), the %s instance won; %s%n", kicks,
						newcomerWon ? "new" : "old", figures);
				assertThat(kicks(server)).as("no kick once settled").isEqualTo(kicks);
				ConfigurableApplicationContext replaced = newcomerWon ? old : newcomer;
				ConfigurableApplicationContext active = newcomerWon ? newcomer : old;
				assertThat(readiness(replaced)).as("a replaced instance is not ready").isEqualTo(503);
				assertThat(readiness(active)).isEqualTo(200);
			}
		}

		/** One instance active, the other replaced. */
		private static boolean settled(ConfigurableApplicationContext one, ConfigurableApplicationContext other) {
			ConnectionState a = connection(one).getState();
			ConnectionState b = connection(other).getState();
			return (a == ConnectionState.CONNECTED && b == ConnectionState.REPLACED)
					|| (a == ConnectionState.REPLACED && b == ConnectionState.CONNECTED);
		}

		/** Sessions Prosody closed because a newer one authenticated. */
		private static long kicks(ProsodyServer server) throws IOException {
			try (Stream<String> log = Files.lines(server.logFile())) {
				return log.filter((line) -> line.contains("Disconnecting component") && line.contains("Replaced by a new connection"))
					.count();
			}
		}

	}

}
