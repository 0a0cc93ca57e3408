package dev.kindling.boot.it.replica;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.dom4j.QName;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.springframework.context.ConfigurableApplicationContext;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;

import dev.kindling.connection.ComponentConnection;
import dev.kindling.connection.ConnectionState;
import dev.kindling.devserver.EjabberdBalancing;
import dev.kindling.devserver.EjabberdCluster;
import dev.kindling.devserver.EjabberdOptions;
import dev.kindling.devserver.EjabberdServer;
import dev.kindling.health.ComponentHealth;
import dev.kindling.health.XmppHealthReport;
import dev.kindling.liveness.LivenessMonitor;
import dev.kindling.muc.MucRooms;
import dev.kindling.muc.Room;
import dev.kindling.pubsub.PubSubTemplate;
import dev.kindling.replica.Replica;
import dev.kindling.replica.SlotState;
import dev.kindling.template.XmppTemplate;
import dev.kindling.test.XmppTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two (and three) active replicas of one component domain on a real ejabberd with
 * {@code domain_balancing}, each a Spring context of its own in this JVM, with Smack users.
 */
class ReplicasIT {

	private static final Duration WAIT = Duration.ofSeconds(15);

	private static final List<String> USERS = List.of("alice", "bob", "carol", "dave", "erin", "frank");

	/** bare_source over two slots. */
	private static EjabberdServer server;

	private final List<ConfigurableApplicationContext> replicas = new CopyOnWriteArrayList<>();

	private final List<ChatClient> clients = new CopyOnWriteArrayList<>();

	@BeforeAll
	static void startServer() {
		server = EjabberdServer.create(users(EjabberdOptions.defaults()).withBalancing(EjabberdBalancing.BARE_SOURCE, 2))
			.start();
	}

	@AfterAll
	static void stopServer() {
		server.close();
	}

	@AfterEach
	void stop() {
		this.clients.forEach(ChatClient::close);
		this.replicas.forEach(ConfigurableApplicationContext::close);
	}

	private static EjabberdOptions users(EjabberdOptions options) {
		for (String user : USERS) {
			options = options.withUser(user, user + "-pw");
		}
		return options;
	}

	/** Start a replica and wait until it has found its home. */
	private ConfigurableApplicationContext replica(EjabberdServer on, String instance, String balancing,
			String... properties) {
		String[] all = new String[properties.length + 1];
		all[0] = "--xmpp.component.balancing=" + balancing;
		System.arraycopy(properties, 0, all, 1, properties.length);
		ConfigurableApplicationContext replica = ReplicaTestBot.start(on, instance, all);
		this.replicas.add(replica);
		return replica;
	}

	private ConfigurableApplicationContext homed(EjabberdServer on, String instance, String balancing,
			String... properties) {
		ConfigurableApplicationContext replica = replica(on, instance, balancing, properties);
		await().atMost(WAIT).until(() -> state(replica) == SlotState.HOME);
		return replica;
	}

	private static SlotState state(ConfigurableApplicationContext replica) {
		return replica.getBean(Replica.class).state();
	}

	private static Replica replicaOf(ConfigurableApplicationContext context) {
		return context.getBean(Replica.class);
	}

	private ChatClient client(EjabberdServer on, String user) throws Exception {
		ChatClient client = ChatClient.login(on, user, user + "-pw");
		this.clients.add(client);
		return client;
	}

	@Test
	void eachReplicaHasAHomeOfItsOwnAndOneBeyondComponentNumberIsAHealthySpareUntilASlotFrees() {
		ConfigurableApplicationContext first = homed(server, "r0", "bare-source");
		ConfigurableApplicationContext second = homed(server, "r1", "bare-source");
		assertThat(replicaOf(first).home()).isNotNull().isNotEqualTo(replicaOf(second).home());
		XmppHealthReport health = first.getBean(ComponentHealth.class).check();
		assertThat(health.isDown()).as("%s", health.downReasons()).isFalse();
		assertThat(health.details()).containsEntry("instance", "r0")
			.containsEntry("balancing", "bare_source")
			.containsEntry("slot", "HOME")
			.containsEntry("home", replicaOf(first).home().toString());

		ConfigurableApplicationContext third = replica(server, "r2", "bare-source");
		await().atMost(WAIT).until(() -> replicaOf(third).noSlotConnects() >= 2);
		assertThat(replicaOf(third).home()).isNull();
		// Up (so ready: a rolling update does not stall on it) and saying what it is, through its retries.
		for (int i = 0; i < 5; i++) {
			XmppHealthReport extra = third.getBean(ComponentHealth.class).check();
			assertThat(extra.isDown()).as("%s", extra.downReasons()).isFalse();
			assertThat(extra.details()).containsEntry("slot", "SPARE").containsKey("spare");
			assertThat(replicaOf(third).isSpare()).isTrue();
		}
		assertThat(third.getBean(ComponentConnection.class).getState()).isEqualTo(ConnectionState.STANDBY);
		// Its pace and its cost: one batch of probes per retry, each to a replica with a slot.
		long retriesBefore = replicaOf(third).noSlotConnects();
		long probesBefore = replicaOf(third).spareProbes();
		long start = System.nanoTime();
		await().pollDelay(Duration.ofSeconds(3)).atMost(WAIT).until(() -> true);
		long retries = replicaOf(third).noSlotConnects() - retriesBefore;
		long probes = replicaOf(third).spareProbes() - probesBefore;
		long periodMillis = (System.nanoTime() - start) / 1_000_000 / Math.max(1, retries);
		System.out.println("spare: " + retries + " retries in 3 s, one every " + periodMillis + " ms, " + probes
				+ " probes (" + probes / Math.max(1, retries) + " per retry)");
		assertThat(retries).isPositive();
		assertThat(periodMillis).as("ms per retry").isLessThan(1500);
		assertThat(probes).isBetween(16 * retries - 16, 16 * retries + 16);
		// The two with slots never noticed.
		assertThat(List.of(first, second)).allSatisfy((replica) -> {
			assertThat(state(replica)).isEqualTo(SlotState.HOME);
			assertThat(replica.getBean(ComponentConnection.class).getStatus().connects()).isEqualTo(1);
		});

		// The spare takes the slot the first one leaves at its next retry, and with it the same home.
		JID firstHome = replicaOf(first).home();
		first.close();
		await().atMost(WAIT).until(() -> state(third) == SlotState.HOME);
		assertThat(replicaOf(third).home()).isEqualTo(firstHome);
		assertThat(third.getBean(ComponentHealth.class).check().isDown()).isFalse();
	}

	@Test
	void perSenderOrderHoldsEndToEndAndBothReplicasTakeTraffic() throws Exception {
		ConfigurableApplicationContext first = homed(server, "r0", "bare-source");
		ConfigurableApplicationContext second = homed(server, "r1", "bare-source");
		List<ChatClient> users = new ArrayList<>();
		for (String user : USERS) {
			users.add(client(server, user));
		}
		int count = 100;
		for (int i = 0; i < count; i++) {
			for (ChatClient user : users) {
				user.chat(server.componentDomain(), "m" + i);
			}
		}
		Set<String> servedBy = new HashSet<>();
		for (ChatClient user : users) {
			List<String> replies = user.bodies(count, WAIT);
			String instance = replies.get(0).substring(replies.get(0).indexOf('@') + 1);
			servedBy.add(instance);
			for (int i = 0; i < count; i++) {
				// In order, and every reply of one sender from the same replica.
				assertThat(replies.get(i)).isEqualTo("m" + i + " @" + instance);
			}
		}
		assertThat(servedBy).containsExactlyInAnyOrder("r0", "r1");
		assertThat(handled(first).chats.size() + handled(second).chats.size()).isEqualTo(count * USERS.size());
	}

	private static ReplicaTestBot.Handlers handled(ConfigurableApplicationContext replica) {
		return replica.getBean(ReplicaTestBot.Handlers.class);
	}

	@Test
	void everyReplicasOwnRequestsAreAnsweredWhicheverReplicaTheAnswerReaches() throws Exception {
		List<ConfigurableApplicationContext> both = List.of(homed(server, "r0", "bare-source"),
				homed(server, "r1", "bare-source"));
		for (ConfigurableApplicationContext replica : both) {
			XmppTemplate template = replica.getBean(XmppTemplate.class);
			List<CompletableFuture<IQ>> answers = new ArrayList<>();
			for (int i = 0; i < 20; i++) {
				IQ disco = new IQ(IQ.Type.get);
				disco.setTo(server.domain());
				disco.setChildElement("query", "http://jabber.org/protocol/disco#info");
				answers.add(template.request(disco, Duration.ofSeconds(5)));
			}
			assertThat(CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new))).succeedsWithin(WAIT);
		}
		// Through handlers: each user's IQ reaches its replica, whose own request to the server is answered.
		Set<String> answeredBy = new HashSet<>();
		for (String user : USERS) {
			XmppTestClient client = XmppTestClient.login(server, user, user + "-pw");
			try {
				org.jivesoftware.smack.packet.IQ answer = client.request(XmppTestClient.iq(server.componentDomain(),
						org.jivesoftware.smack.packet.IQ.Type.get, "ask", ReplicaTestBot.ASK_NS));
				Matcher instance = Pattern.compile("instance=(?:'|\"|&apos;|&quot;)(r\\d)")
					.matcher(answer.toXML().toString());
				assertThat(instance.find()).as("%s", answer.toXML()).isTrue();
				answeredBy.add(instance.group(1));
			}
			finally {
				client.close();
			}
		}
		assertThat(answeredBy).containsExactlyInAnyOrder("r0", "r1");
		// The server's answers all hash to one of the two: the other's arrived as forwards.
		assertThat(both.stream().mapToLong((replica) -> replicaOf(replica).forwardedOut()).sum()).isGreaterThanOrEqualTo(20);
		assertThat(both.stream().mapToLong((replica) -> replicaOf(replica).forwardedIn()).sum())
			.isEqualTo(both.stream().mapToLong((replica) -> replicaOf(replica).forwardedOut()).sum());
	}

	/**
	 * Not a timed test: prints the round trip of requests whose answers come straight back next to
	 * those whose answers are forwarded, measured in the same run, for the docs.
	 */
	@Test
	void forwardedAnswersCostOneMoreTripThroughTheServer() {
		List<ConfigurableApplicationContext> both = List.of(homed(server, "r0", "bare-source"),
				homed(server, "r1", "bare-source"));
		Map<String, Long> medians = new LinkedHashMap<>();
		for (int round = 0; round < 2; round++) {
			for (ConfigurableApplicationContext replica : both) {
				XmppTemplate template = replica.getBean(XmppTemplate.class);
				long forwardsBefore = replicaOf(replica).forwardedIn();
				long[] nanos = new long[500];
				for (int i = 0; i < nanos.length; i++) {
					IQ disco = new IQ(IQ.Type.get);
					disco.setTo(server.domain());
					disco.setChildElement("query", "http://jabber.org/protocol/disco#info");
					long start = System.nanoTime();
					template.request(disco, Duration.ofSeconds(5)).join();
					nanos[i] = System.nanoTime() - start;
				}
				java.util.Arrays.sort(nanos);
				boolean forwarded = replicaOf(replica).forwardedIn() - forwardsBefore == nanos.length;
				medians.put((forwarded ? "forwarded" : "direct") + " (round " + round + ")", nanos[nanos.length / 2] / 1000);
			}
		}
		assertThat(medians.keySet()).anyMatch((key) -> key.startsWith("forwarded")).anyMatch((key) -> key.startsWith("direct"));
		System.out.println("Median request round trip in µs, 500 sequential disco#info requests each: " + medians);
	}

	@Test
	void pubsubWorksFromEveryReplica() {
		List<ConfigurableApplicationContext> both = List.of(homed(server, "r0", "bare-source"),
				homed(server, "r1", "bare-source"));
		for (ConfigurableApplicationContext replica : both) {
			PubSubTemplate pubsub = replica.getBean(PubSubTemplate.class);
			String node = "replica-test-" + replicaOf(replica).instance();
			Element state = DocumentHelper.createElement(QName.get("state", "urn:kindling:test:replica"))
				.addAttribute("by", replicaOf(replica).instance());
			assertThat(pubsub.publish(node, "state", state)).succeedsWithin(WAIT);
			assertThat(pubsub.items(node)).succeedsWithin(WAIT)
				.satisfies((items) -> assertThat(items).singleElement()
					.satisfies((item) -> assertThat(item.id()).isEqualTo("state")));
		}
		// Each replica reads what the other one stored: the store is the server's.
		PubSubTemplate first = both.get(0).getBean(PubSubTemplate.class);
		assertThat(first.items("replica-test-r1")).succeedsWithin(WAIT).satisfies((items) -> assertThat(items).hasSize(1));
	}

	@Test
	void livenessPingsKeepEveryReplicasStreamUp() {
		String[] fastPings = { "--xmpp.component.ping-interval=300ms", "--xmpp.component.ping-timeout=1s" };
		List<ConfigurableApplicationContext> both = List.of(homed(server, "r0", "bare-source", fastPings),
				homed(server, "r1", "bare-source", fastPings));
		Instant start = Instant.now();
		// Ten ping intervals, three ping timeouts: a replica whose answers went elsewhere would have reconnected.
		await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6)).until(() -> both.stream()
			.allMatch((replica) -> replica.getBean(ComponentConnection.class).getStatus().connects() == 1
					&& state(replica) == SlotState.HOME));
		assertThat(both).allSatisfy((replica) -> assertThat(replica.getBean(LivenessMonitor.class).lastAnswerAt())
			.isNotNull()
			.isAfter(start.plusSeconds(2)));
	}

	@Test
	void aConfiguredRoomIsJoinedByOneReplicaAndItsTrafficHandledOnce() throws Exception {
		String lobby = "lobby@" + server.mucDomain();
		String[] room = { "--xmpp.muc.rooms[0].jid=" + lobby, "--xmpp.muc.rooms[0].nick=bot" };
		List<ConfigurableApplicationContext> both = List.of(homed(server, "r0", "bare-source", room),
				homed(server, "r1", "bare-source", room));
		await().atMost(WAIT).until(() -> both.stream().filter((replica) -> lobbyOf(replica, lobby).isJoined()).count() == 1);
		ConfigurableApplicationContext owner = both.stream()
			.filter((replica) -> lobbyOf(replica, lobby).isJoined())
			.findFirst()
			.orElseThrow();
		ConfigurableApplicationContext other = (owner == both.get(0)) ? both.get(1) : both.get(0);
		await().atMost(WAIT)
			.until(() -> other.getBean(MucRooms.class).status().get(lobby).elsewhere()
					&& !lobbyOf(other, lobby).isJoined());
		assertThat(lobbyOf(owner, lobby).occupantJid())
			.isEqualTo(new JID(replicaOf(owner).home().getNode(), server.componentDomain(), "bot"));

		ChatClient alice = client(server, "alice");
		MultiUserChat muc = MultiUserChatManager.getInstanceFor(alice.connection)
			.getMultiUserChat(JidCreate.entityBareFrom(lobby));
		muc.join(Resourcepart.from("alice"));
		for (int i = 0; i < 10; i++) {
			muc.sendMessage("line " + i);
		}
		await().atMost(WAIT).until(() -> handled(owner).groupchat.size() == 10);
		assertThat(handled(owner).groupchat).startsWith("lobby alice: line 0").endsWith("lobby alice: line 9");
		// A while longer: nothing arrives twice, nothing reaches the other replica.
		await().during(Duration.ofMillis(500)).until(() -> handled(owner).groupchat.size() == 10);
		assertThat(handled(other).groupchat).isEmpty();
	}

	private static Room lobbyOf(ConfigurableApplicationContext replica, String lobby) {
		return replica.getBean(MucRooms.class).room(new JID(lobby)).orElseThrow();
	}

	@Test
	void twoReplicasOnTwoClusterNodes() throws Exception {
		try (EjabberdCluster cluster = EjabberdCluster
			.start(users(EjabberdOptions.defaults()).withBalancing(EjabberdBalancing.BARE_SOURCE, 2), 2)) {
			String lobby = "lobby@" + cluster.node(0).mucDomain();
			String[] room = { "--xmpp.muc.rooms[0].jid=" + lobby, "--xmpp.muc.rooms[0].nick=bot",
					"--xmpp.component.ping-interval=300ms", "--xmpp.component.ping-timeout=1s" };
			List<ConfigurableApplicationContext> both = List.of(homed(cluster.node(0), "r0", "bare-source", room),
					homed(cluster.node(1), "r1", "bare-source", room));
			assertThat(replicaOf(both.get(0)).home()).isNotEqualTo(replicaOf(both.get(1)).home());
			for (ConfigurableApplicationContext replica : both) {
				IQ disco = new IQ(IQ.Type.get);
				disco.setTo(cluster.node(0).domain());
				disco.setChildElement("query", "http://jabber.org/protocol/disco#info");
				assertThat(replica.getBean(XmppTemplate.class).request(disco)).succeedsWithin(WAIT);
			}
			await().atMost(WAIT).until(() -> both.stream().filter((replica) -> lobbyOf(replica, lobby).isJoined()).count() == 1);
			// Users on either node reach their replica, in order, whichever node it is attached to.
			List<ChatClient> users = new ArrayList<>();
			for (int i = 0; i < USERS.size(); i++) {
				users.add(client(cluster.node(i % 2), USERS.get(i)));
			}
			for (int i = 0; i < 30; i++) {
				for (ChatClient user : users) {
					user.chat(cluster.node(0).componentDomain(), "m" + i);
				}
			}
			Set<String> servedBy = new HashSet<>();
			for (ChatClient user : users) {
				List<String> replies = user.bodies(30, WAIT);
				String instance = replies.get(0).substring(replies.get(0).indexOf('@') + 1);
				servedBy.add(instance);
				for (int i = 0; i < 30; i++) {
					assertThat(replies.get(i)).isEqualTo("m" + i + " @" + instance);
				}
			}
			assertThat(servedBy).containsExactlyInAnyOrder("r0", "r1");
			assertThat(both).allSatisfy((replica) -> assertThat(replica.getBean(ComponentConnection.class).getStatus().connects())
				.isEqualTo(1));
		}
	}

	@Test
	void threeReplicasOnBareDestination() throws Exception {
		try (EjabberdServer three = EjabberdServer
			.create(users(EjabberdOptions.defaults()).withBalancing(EjabberdBalancing.BARE_DESTINATION, 3))
			.start()) {
			String lobby = "lobby@" + three.mucDomain();
			String[] room = { "--xmpp.muc.rooms[0].jid=" + lobby, "--xmpp.muc.rooms[0].nick=bot" };
			List<ConfigurableApplicationContext> all = List.of(homed(three, "r0", "bare-destination", room),
					homed(three, "r1", "bare-destination", room), homed(three, "r2", "bare-destination", room));
			assertThat(all.stream().map((replica) -> replicaOf(replica).home()).distinct()).hasSize(3);
			for (ConfigurableApplicationContext replica : all) {
				IQ disco = new IQ(IQ.Type.get);
				disco.setTo(three.domain());
				disco.setChildElement("query", "http://jabber.org/protocol/disco#info");
				assertThat(replica.getBean(XmppTemplate.class).request(disco)).succeedsWithin(WAIT);
			}
			await().atMost(WAIT)
				.until(() -> all.stream().filter((replica) -> lobbyOf(replica, lobby).isJoined()).count() == 1
						&& all.stream().filter((replica) -> replica.getBean(MucRooms.class).status().get(lobby).elsewhere())
							.count() == 2);
			// Under bare-destination every chat to the domain goes to one replica, in order.
			ChatClient bob = client(three, "bob");
			for (int i = 0; i < 50; i++) {
				bob.chat(three.componentDomain(), "m" + i);
			}
			List<String> replies = bob.bodies(50, WAIT);
			String instance = replies.get(0).substring(replies.get(0).indexOf('@') + 1);
			for (int i = 0; i < 50; i++) {
				assertThat(replies.get(i)).isEqualTo("m" + i + " @" + instance);
			}
		}
	}

}
