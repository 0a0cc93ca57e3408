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
import dev.kindling.replica.Replica;
import dev.kindling.replica.SlotState;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * kill -9 of a replica under load, with a spare beyond {@code component_number} waiting: ejabberd
 * drops the dead replica's senders' stanzas until a session takes its slot, and the spare does so
 * at its next retry. Measures that window and what was lost in it.
 */
class ReplicaKillIT {

	private static final Duration WAIT = Duration.ofSeconds(20);

	private static final List<String> USERS = List.of("alice", "bob", "carol", "dave", "erin", "frank");

	private static final int ROUNDS = 300;

	private static final int KILL_AT = 100;

	@Test
	void aSpareTakesTheSlotOfAKilledReplicaAndOnlyTheWindowIsLost() throws Exception {
		EjabberdOptions options = EjabberdOptions.defaults().withBalancing(EjabberdBalancing.BARE_SOURCE, 2);
		for (String user : USERS) {
			options = options.withUser(user, user + "-pw");
		}
		List<ConfigurableApplicationContext> contexts = new ArrayList<>();
		List<ChatClient> clients = new ArrayList<>();
		Process child = null;
		try (EjabberdServer server = EjabberdServer.create(options).start()) {
			Path log = Files.createTempFile(Paths.get("target"), "replica-r0-", ".log");
			child = startChild(server, log);
			Path childLog = log;
			await().atMost(WAIT).until(() -> Files.readString(childLog).contains("has home"));
			ConfigurableApplicationContext survivor = ReplicaTestBot.start(server, "r1",
					"--xmpp.component.balancing=bare-source");
			contexts.add(survivor);
			await().atMost(WAIT).until(() -> survivor.getBean(Replica.class).state() == SlotState.HOME);
			ConfigurableApplicationContext spare = ReplicaTestBot.start(server, "r2",
					"--xmpp.component.balancing=bare-source");
			contexts.add(spare);
			await().atMost(WAIT).until(() -> spare.getBean(Replica.class).state() == SlotState.NO_SLOT);

			for (String user : USERS) {
				clients.add(ChatClient.login(server, user, user + "-pw"));
			}
			long killedAt = 0;
			for (int round = 0; round < ROUNDS; round++) {
				if (round == KILL_AT) {
					child.destroyForcibly();
					child.waitFor(10, TimeUnit.SECONDS);
					killedAt = System.nanoTime();
				}
				for (ChatClient client : clients) {
					client.chat(server.componentDomain(), "m" + round);
				}
				Thread.sleep(10);
			}
			// Every sender's last message is answered: by the survivor, or by the spare in the dead one's slot.
			await().atMost(WAIT)
				.until(() -> clients.stream()
					.allMatch((client) -> !client.arrivals.isEmpty()
							&& client.arrivals.get(client.arrivals.size() - 1).body().startsWith("m" + (ROUNDS - 1) + " ")));

			Map<String, String> figures = new LinkedHashMap<>();
			int victims = 0;
			for (int i = 0; i < clients.size(); i++) {
				List<ChatClient.Arrival> arrivals = clients.get(i).arrivals;
				List<Integer> numbers = arrivals.stream().map((arrival) -> number(arrival.body())).toList();
				assertThat(numbers).as("replies to %s in order", USERS.get(i)).isSorted().doesNotHaveDuplicates();
				String first = instance(arrivals.get(0).body());
				if (first.equals("r1")) {
					// The survivor's senders lost nothing.
					assertThat(numbers).hasSize(ROUNDS);
					assertThat(arrivals).allSatisfy((arrival) -> assertThat(instance(arrival.body())).isEqualTo("r1"));
					continue;
				}
				victims++;
				assertThat(first).isEqualTo("r0");
				// One gap: r0 until the kill, nothing, then the spare.
				int switchAt = 0;
				while (instance(arrivals.get(switchAt).body()).equals("r0")) {
					switchAt++;
				}
				assertThat(arrivals.subList(switchAt, arrivals.size()))
					.allSatisfy((arrival) -> assertThat(instance(arrival.body())).isEqualTo("r2"));
				int lastOfDead = numbers.get(switchAt - 1);
				int firstOfSpare = numbers.get(switchAt);
				assertThat(numbers.subList(switchAt, numbers.size())).hasSize(ROUNDS - firstOfSpare);
				long windowMillis = TimeUnit.NANOSECONDS.toMillis(arrivals.get(switchAt).nanos() - killedAt);
				figures.put(USERS.get(i), "lost " + (firstOfSpare - lastOfDead - 1) + " of " + ROUNDS + ", answered again "
						+ windowMillis + " ms after the kill");
				assertThat(windowMillis).isLessThan(5_000);
			}
			assertThat(victims).as("senders of the killed replica").isPositive();
			System.out.println("kill -9 with a spare waiting: " + figures);
		}
		finally {
			if (child != null) {
				child.destroyForcibly();
			}
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
				"--xmpp.component.balancing=bare-source", "--xmpp.component.probe-timeout=1s",
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
