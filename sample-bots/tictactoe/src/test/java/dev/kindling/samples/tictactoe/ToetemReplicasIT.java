package dev.kindling.samples.tictactoe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jivesoftware.smackx.disco.packet.DiscoverItems;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jxmpp.jid.impl.JidCreate;

import dev.kindling.devserver.EjabberdBalancing;
import dev.kindling.devserver.EjabberdServer;
import dev.kindling.test.EjabberdExtension;
import dev.kindling.test.XmppTestClient;

import static dev.kindling.samples.tictactoe.ToetemClient.attribute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Toetem on two replicas on a real ejabberd ({@code bare_destination}, {@code component_number: 2}),
 * each replica a child JVM running {@link ToetemApplication} as deployed, so that one can be
 * killed with SIGKILL ({@link Process#destroyForcibly()} on Linux) and started again; the players
 * are Smack clients. Games spread over both replicas (each game's address hashes to one), the lists
 * are the store's whichever replica answers, and a game whose replica was killed mid-game comes
 * back with it and is finished by its players.
 */
class ToetemReplicasIT {

	private static final Duration START = Duration.ofSeconds(90);

	private static final Duration WAIT = Duration.ofSeconds(20);

	/** What a replica logs once the server gave it a slot (its home): the next one to connect gets the next slot. */
	private static final String HOMED = "(bare_destination) has home";

	private static final List<String> USERS = List.of("alice", "bob", "carol", "dave", "erin", "frank", "gina",
			"hank", "ivy", "jack", "kate", "liam", "mia");

	@RegisterExtension
	static final EjabberdExtension ejabberd = EjabberdExtension.withUsers(USERS.toArray(String[]::new))
		.componentDomain(ToetemClient.REFEREE)
		.balancing(EjabberdBalancing.BARE_DESTINATION, 2);

	private final Map<String, Replica> replicas = new LinkedHashMap<>();

	private final List<ToetemClient> clients = new ArrayList<>();

	@AfterEach
	void stop() {
		this.clients.forEach(ToetemClient::close);
		this.replicas.values().forEach(Replica::kill);
	}

	@Test
	void gamesSpreadOverBothReplicasTheListsAgreeAndAKilledReplicasGameIsFinished() throws Exception {
		EjabberdServer server = ejabberd.server();
		// One after the other: a session takes the first free slot, so r0 has slot 0 and r1 slot 1.
		Replica r0 = start(server, "r0");
		r0.awaitLog(HOMED, START);
		Replica r1 = start(server, "r1");
		loaded(r0, r1);

		// Six games, each between a player who waits and one who starts it.
		List<String> ids = new ArrayList<>();
		List<ToetemClient[]> pairs = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			ToetemClient x = login(server, USERS.get(2 * i));
			ToetemClient o = login(server, USERS.get(2 * i + 1));
			o.request("join", "");
			String started = x.request("start", "opponent='" + USERS.get(2 * i + 1) + "@localhost'");
			String id = attribute(started, "id");
			assertThat(attribute(started, "jid")).isEqualTo(id + "@" + ToetemClient.REFEREE);
			assertThat(x.awaitEvent().getAttributeValue("board")).isEqualTo("---------");
			assertThat(o.awaitEvent().getAttributeValue("board")).isEqualTo("---------");
			ids.add(id);
			pairs.add(new ToetemClient[] { x, o });
		}
		// Each game is held by exactly one replica, and both replicas hold games.
		await().atMost(WAIT).until(() -> ids.stream().allMatch((id) -> r0.holds(id) || r1.holds(id)));
		assertThat(ids).noneMatch((id) -> r0.holds(id) && r1.holds(id));
		assertThat(ids).anyMatch(r0::holds).anyMatch(r1::holds);

		// Two moves in every game, each sent to the game's own address.
		for (int i = 0; i < ids.size(); i++) {
			play(pairs.get(i), ids.get(i), 0, 4, "----X----");
			play(pairs.get(i), ids.get(i), 1, 0, "O---X----");
		}
		ToetemClient waiter = login(server, "mia");
		waiter.request("join", "");
		Map<String, String> listed = await().atMost(WAIT).until(() -> games(waiter), (games) -> games.keySet().containsAll(ids));
		assertThat(listed).allSatisfy((id, name) -> assertThat(name).endsWith(": playing"));
		assertThat(waiting(waiter)).containsExactly("mia@localhost");

		// kill -9 the replica that holds the first game, mid-game, and start it again: it takes its slot back.
		String id = ids.get(0);
		Replica owner = r0.holds(id) ? r0 : r1;
		owner.kill();
		Replica back = start(server, owner.instance);
		back.awaitLog("Loaded the lobby", START);
		await().atMost(WAIT).until(() -> back.holds(id));

		ToetemClient[] players = pairs.get(0);
		assertThat(attribute(players[0].request(id + "@" + ToetemClient.REFEREE, "game", ""), "board")).isEqualTo("O---X----");
		play(players, id, 0, 2, "O-X-X----");
		play(players, id, 1, 1, "OOX-X----");
		String won = players[0].request(id + "@" + ToetemClient.REFEREE, "move", "cell='6'");
		assertThat(attribute(won, "status")).isEqualTo("x-won");
		assertThat(players[1].awaitEvent().getAttributeValue("status")).isEqualTo("x-won");

		Map<String, String> before = await().atMost(WAIT).until(() -> games(waiter),
				(games) -> games.keySet().containsAll(ids) && games.get(id).endsWith(": x-won"));
		assertThat(waiting(waiter)).containsExactly("mia@localhost");

		// Both killed, and started in the other order: every address, the lobby's too, now leads to the
		// other process. The lists it answers are the same.
		Map<String, Replica> heldBefore = new LinkedHashMap<>();
		Replica other = (owner == r0) ? r1 : r0;
		for (String game : ids.subList(1, ids.size())) {
			heldBefore.put(game, back.holds(game) ? back : other);
		}
		back.kill();
		other.kill();
		Replica first = start(server, "r1");
		first.awaitLog(HOMED, START);
		Replica second = start(server, "r0");
		loaded(first, second);
		await().atMost(WAIT).until(() -> heldBefore.keySet().stream().allMatch((game) -> first.holds(game) || second.holds(game)));
		heldBefore.forEach((game, held) -> assertThat(held.instance)
			.as("the instance holding %s before the swap", game)
			.isNotEqualTo(first.holds(game) ? first.instance : second.instance));
		assertThat(await().atMost(WAIT).until(() -> games(waiter), (games) -> games.equals(before))).isEqualTo(before);
		assertThat(waiting(waiter)).containsExactly("mia@localhost");
		// The other games go on, on whichever process now holds them.
		for (int i = 1; i < ids.size(); i++) {
			play(pairs.get(i), ids.get(i), 0, 8, "O---X---X");
		}
	}

	/**
	 * Both replicas have loaded the lobby. Answers to requests sent from the domain go to the
	 * domain's slot (and are forwarded from there), so a replica alone may wait for the other.
	 */
	private static void loaded(Replica... replicas) {
		for (Replica replica : replicas) {
			replica.awaitLog("Loaded the lobby", START);
		}
	}

	private ToetemClient login(EjabberdServer server, String user) {
		ToetemClient client = ToetemClient.connect(server, user);
		this.clients.add(client);
		// Directed presence to the lobby, as the page sends.
		client.client().send(client.client().connection().getStanzaFactory().buildPresenceStanza()
			.ofType(Presence.Type.available).to(XmppTestClient.jid(ToetemClient.REFEREE)).build());
		return client;
	}

	/** The mover ({@code 0} for X, {@code 1} for O) marks a cell at the game's address; both see the board. */
	private static void play(ToetemClient[] players, String id, int mover, int cell, String board) {
		String answer = players[mover].request(id + "@" + ToetemClient.REFEREE, "move", "cell='" + cell + "'");
		assertThat(attribute(answer, "board")).isEqualTo(board);
		for (ToetemClient player : players) {
			assertThat(player.awaitEvent().getAttributeValue("board")).isEqualTo(board);
		}
	}

	/** disco#items at the referee's domain: game id to item name. */
	private static Map<String, String> games(ToetemClient client) throws Exception {
		Map<String, String> games = new LinkedHashMap<>();
		for (DiscoverItems.Item item : items(client, null)) {
			games.put(item.getNode(), item.getName());
		}
		return games;
	}

	private static List<String> waiting(ToetemClient client) throws Exception {
		return items(client, Toetem.WAITING_NODE).stream().map((item) -> item.getEntityID().toString()).toList();
	}

	private static List<DiscoverItems.Item> items(ToetemClient client, String node) throws Exception {
		return ServiceDiscoveryManager.getInstanceFor(client.client().connection())
			.discoverItems(JidCreate.from(ToetemClient.REFEREE), node)
			.getItems();
	}

	private Replica start(EjabberdServer server, String instance) {
		Replica replica = Replica.start(server, instance);
		this.replicas.put(instance, replica);
		return replica;
	}

	/** One replica: {@link ToetemApplication} in a JVM of its own, its output in a file the test reads. */
	private static final class Replica {

		private final String instance;

		private final Process process;

		private final Path log;

		private Replica(String instance, Process process, Path log) {
			this.instance = instance;
			this.process = process;
			this.log = log;
		}

		static Replica start(EjabberdServer server, String instance) {
			try {
				Path directory = Files.createDirectories(Path.of("target", "toetem-replicas"));
				Path log = directory.resolve(instance + "-" + System.nanoTime() + ".log");
				String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
				ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
						"-Xmx256m", "-XX:TieredStopAtLevel=1", ToetemApplication.class.getName(),
						"--xmpp.dev-server.enabled=false", "--spring.main.web-application-type=none",
						"--spring.main.banner-mode=off", "--xmpp.component.host=" + server.host(),
						"--xmpp.component.port=" + server.componentPort(),
						"--xmpp.component.domain=" + server.componentDomain(),
						"--xmpp.component.secret=" + server.componentSecret(),
						"--xmpp.component.balancing=bare-destination", "--xmpp.component.instance=" + instance,
						"--xmpp.component.probe-timeout=1s", "--xmpp.component.backoff.min-delay=200ms",
						"--xmpp.component.backoff.max-delay=1s", "--toetem.forfeit-grace=5m",
						"--toetem.store.load-retry=1s", "--xmpp.component.request-timeout=3s",
						"--logging.level.dev.kindling.samples.tictactoe=INFO")
					.redirectErrorStream(true)
					.redirectOutput(log.toFile());
				return new Replica(instance, builder.start(), log);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		String output() {
			try {
				return Files.readString(this.log);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		void awaitLog(String text, Duration timeout) {
			await().atMost(timeout).pollInterval(Duration.ofMillis(200)).failFast("replica " + this.instance + " exited",
					() -> !this.process.isAlive()).until(() -> output().contains(text));
		}

		/** Whether this process holds the game (it loaded it: the lobby never keeps one). */
		boolean holds(String id) {
			return this.process.isAlive() && output().contains("Holding game " + id + " from now on");
		}

		/** SIGKILL: no shutdown hook runs, nothing is flushed. */
		void kill() {
			this.process.destroyForcibly();
			try {
				this.process.waitFor(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

}
