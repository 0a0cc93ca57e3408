package dev.kindling.boot.it.replica;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import dev.kindling.devserver.EjabberdBalancing;
import dev.kindling.devserver.EjabberdOptions;
import dev.kindling.devserver.EjabberdServer;
import dev.kindling.health.ComponentHealth;
import dev.kindling.health.XmppHealthReport;
import dev.kindling.replica.Replica;
import dev.kindling.replica.SlotState;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * kill -9 of a replica under load: ejabberd drops the dead replica's senders' stanzas until a
 * session takes its slot, which a spare beyond {@code component_number} does at its next retry,
 * and a restarted replica at its first connect. Measures that window and what was lost in it; and
 * the same for a planned stop (SIGTERM) with a spare waiting, where the stopping replica answers
 * what it can no longer handle with an error.
 */
class ReplicaKillIT {

	private static final Duration WAIT = Duration.ofSeconds(20);

	private static final List<String> USERS = List.of("alice", "bob", "carol", "dave", "erin", "frank");

	private static final int KILL_AT = 100;

	@Test
	void aSpareTakesTheSlotOfAKilledReplicaAndOnlyTheWindowIsLost() throws Exception {
		killUnderLoad(true, false, 300, 5_000);
	}

	@Test
	void aSpareTakesTheSlotOfAReplicaStoppedWithSigtermAndOnlyTheWindowIsLost() throws Exception {
		killUnderLoad(true, true, 400, 8_000);
	}

	@Test
	void aRestartedReplicaTakesItsSlotBackAndOnlyTheWindowIsLost() throws Exception {
		killUnderLoad(false, false, 1200, 20_000);
	}

	/**
	 * Six senders over two slots; the replica in the child JVM is killed at round {@value #KILL_AT},
	 * then either a spare waiting beyond {@code component_number} or the same replica restarted
	 * takes its slot.
	 */
	private void killUnderLoad(boolean spare, boolean sigterm, int rounds, long maxWindowMillis) throws Exception {
		EjabberdOptions options = EjabberdOptions.defaults().withBalancing(EjabberdBalancing.BARE_SOURCE, 2);
		for (String user : USERS) {
			options = options.withUser(user, user + "-pw");
		}
		List<ConfigurableApplicationContext> contexts = new ArrayList<>();
		List<ChatClient> clients = new ArrayList<>();
		List<Process> children = new ArrayList<>();
		try (EjabberdServer server = EjabberdServer.create(options).start()) {
			Path log = Files.createTempFile(Paths.get("target"), "replica-r0-", ".log");
			Process child = startChild(server, log);
			children.add(child);
			await().atMost(WAIT).until(() -> Files.readString(log).contains("has home"));
			ConfigurableApplicationContext survivor = ReplicaTestBot.start(server, "r1",
					"--xmpp.component.balancing=bare-source");
			contexts.add(survivor);
			await().atMost(WAIT).until(() -> survivor.getBean(Replica.class).state() == SlotState.HOME);
			if (spare) {
				ConfigurableApplicationContext waiting = ReplicaTestBot.start(server, "r2",
						"--xmpp.component.balancing=bare-source");
				contexts.add(waiting);
				await().atMost(WAIT).until(() -> waiting.getBean(Replica.class).state() == SlotState.SPARE);
				// A spare is up, and so ready: a rolling update does not stall on it.
				XmppHealthReport health = waiting.getBean(ComponentHealth.class).check();
				assertThat(health.isDown()).as("%s", health.downReasons()).isFalse();
				assertThat(health.details()).containsEntry("slot", "SPARE");
			}
			for (String user : USERS) {
				clients.add(ChatClient.login(server, user, user + "-pw"));
			}
			long killedAt = 0;
			for (int round = 0; round < rounds; round++) {
				if (round == KILL_AT) {
					killedAt = System.nanoTime();
					if (sigterm) {
						// Not waited for: the load goes on through the drain.
						child.destroy();
					}
					else {
						child.destroyForcibly();
						child.waitFor(10, TimeUnit.SECONDS);
						killedAt = System.nanoTime();
					}
					if (!spare) {
						children.add(startChild(server, Files.createTempFile(Paths.get("target"), "replica-r0-", ".log")));
					}
				}
				for (ChatClient client : clients) {
					client.chat(server.componentDomain(), "m" + round);
				}
				Thread.sleep(10);
			}
			// Every sender's last message is answered: by the survivor, or by whoever holds the dead one's slot.
			await().atMost(WAIT)
				.until(() -> clients.stream()
					.allMatch((client) -> !client.arrivals.isEmpty()
							&& client.arrivals.get(client.arrivals.size() - 1).body().startsWith("m" + (rounds - 1) + " ")));

			String back = spare ? "r2" : "r0";
			Map<String, String> figures = new LinkedHashMap<>();
			int victims = 0;
			for (int i = 0; i < clients.size(); i++) {
				List<ChatClient.Arrival> arrivals = clients.get(i).arrivals;
				List<Integer> numbers = arrivals.stream().map((arrival) -> number(arrival.body())).toList();
				assertThat(numbers).as("replies to %s in order", USERS.get(i)).isSorted().doesNotHaveDuplicates();
				if (instance(arrivals.get(0).body()).equals("r1")) {
					// The survivor's senders lost nothing.
					assertThat(numbers).hasSize(rounds);
					assertThat(arrivals).allSatisfy((arrival) -> assertThat(instance(arrival.body())).isEqualTo("r1"));
					continue;
				}
				victims++;
				assertThat(instance(arrivals.get(0).body())).isEqualTo("r0");
				// One gap: the dead replica until the kill, nothing, then whoever took its slot, to the end.
				int resumedAt = 1;
				while (resumedAt < numbers.size() && numbers.get(resumedAt) == numbers.get(resumedAt - 1) + 1) {
					resumedAt++;
				}
				assertThat(resumedAt).as("a gap in the replies to %s", USERS.get(i)).isLessThan(numbers.size());
				int lastBefore = numbers.get(resumedAt - 1);
				int firstAfter = numbers.get(resumedAt);
				assertThat(numbers.subList(resumedAt, numbers.size())).hasSize(rounds - firstAfter);
				assertThat(arrivals.subList(resumedAt, arrivals.size()))
					.allSatisfy((arrival) -> assertThat(instance(arrival.body())).isEqualTo(back));
				long windowMillis = TimeUnit.NANOSECONDS.toMillis(arrivals.get(resumedAt).nanos() - killedAt);
				int errored = clients.get(i).errors.get();
				figures.put(USERS.get(i), "lost " + (firstAfter - lastBefore - 1 - errored) + " and errored " + errored
						+ " of " + rounds + ", answered again " + windowMillis + " ms after the " + (sigterm ? "SIGTERM" : "kill"));
				assertThat(windowMillis).isLessThan(maxWindowMillis);
			}
			assertThat(victims).as("senders of the killed replica").isPositive();
			System.out.println((sigterm ? "SIGTERM" : "kill -9") + ", then " + (spare ? "a spare waiting" : "a restart") + ": "
					+ figures);
		}
		finally {
			children.forEach(Process::destroyForcibly);
			clients.forEach(ChatClient::close);
			contexts.forEach(ConfigurableApplicationContext::close);
		}
	}

	private static Process startChild(EjabberdServer server, Path log) throws Exception {
		String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
		return new ProcessBuilder(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
				ReplicaTestBot.class.getName(), "--xmpp.component.host=" + server.host(),
				"--xmpp.component.port=" + server.componentPort(), "--xmpp.component.domain=" + server.componentDomain(),
				"--xmpp.component.secret=" + server.componentSecret(), "--xmpp.component.instance=r0",
				"--xmpp.component.balancing=bare-source",
				"--spring.main.banner-mode=off")
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
	}

	private static int number(String body) {
		return Integer.parseInt(body.substring(1, body.indexOf(' ')));
	}

	private static String instance(String body) {
		return body.substring(body.indexOf('@') + 1);
	}

}
