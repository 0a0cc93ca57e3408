package dev.kindling.replica;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;

import dev.kindling.connection.ComponentConnectedEvent;
import dev.kindling.connection.ComponentDisconnectedEvent;
import dev.kindling.connection.ComponentEndpoint;
import dev.kindling.connection.ComponentSpareSessionEvent;
import dev.kindling.health.XmppHealthReport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ReplicaTests {

	private TestBalancer balancer;

	@AfterEach
	void close() {
		if (this.balancer != null) {
			this.balancer.close();
		}
	}

	private List<TestBalancer.Node> replicas(Balancing mode, int slots, int sessions) {
		this.balancer = new TestBalancer(mode, slots);
		List<TestBalancer.Node> nodes = new ArrayList<>();
		for (int i = 0; i < sessions; i++) {
			TestBalancer.Node node = this.balancer.connect("bot-" + i);
			connected(node);
			nodes.add(node);
		}
		return nodes;
	}

	private static void connected(TestBalancer.Node node) {
		node.replica.onApplicationEvent(new ComponentConnectedEvent(node,
				new ComponentEndpoint("127.0.0.1", 5347, TestBalancer.DOMAIN, "s3cret"), "stream-1", 1));
	}

	@ParameterizedTest
	@EnumSource(value = Balancing.class, names = { "BARE_SOURCE", "BARE_DESTINATION" })
	void everyReplicaFindsAHomeThatTheServerRoutesToIt(Balancing mode) {
		List<TestBalancer.Node> nodes = replicas(mode, 3, 3);
		Set<JID> homes = new HashSet<>();
		for (TestBalancer.Node node : nodes) {
			assertThat(node.replica.state()).isEqualTo(SlotState.HOME);
			JID home = node.replica.home();
			homes.add(home);
			Message toHome = new Message();
			toHome.setFrom(home);
			toHome.setTo(home);
			assertThat(this.balancer.slotOf(toHome)).isEqualTo(node.slot);
			assertThat(node.replica.idMark()).isEqualTo("r" + node.replica.homeKey() + ".");
			assertThat(node.template.nextId()).startsWith(node.replica.idMark());
		}
		assertThat(homes).hasSize(3);
		// Other replicas' probes are dropped, never handled.
		assertThat(nodes).allSatisfy((node) -> assertThat(node.handled).isEmpty());
		assertThat(nodes.stream().mapToLong((node) -> node.replica.foreignProbes()).sum()).isPositive();
	}

	@ParameterizedTest
	@EnumSource(value = Balancing.class, names = { "BARE_SOURCE", "BARE_DESTINATION" })
	void theServersAnswersReachTheReplicaThatAskedWhicheverReplicaTheyLandOn(Balancing mode) {
		List<TestBalancer.Node> nodes = replicas(mode, 2, 2);
		List<CompletableFuture<IQ>> answers = new ArrayList<>();
		for (TestBalancer.Node node : nodes) {
			for (int i = 0; i < 20; i++) {
				IQ ping = new IQ(IQ.Type.get);
				ping.setTo(TestBalancer.SERVER);
				ping.setChildElement("ping", "urn:xmpp:ping");
				answers.add(node.template.request(ping));
			}
		}
		assertThat(CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new))).succeedsWithin(Duration.ofSeconds(5));
		// All the server's answers hash to one slot: the other replica's came through a forward.
		assertThat(nodes.stream().mapToLong((node) -> node.replica.forwardedOut()).sum()).isEqualTo(20);
		assertThat(nodes.stream().mapToLong((node) -> node.replica.forwardedIn()).sum()).isEqualTo(20);
	}

	@Test
	void aReplicaPingingItsHomeGetsTheAnswerItselfWithoutAForward() {
		List<TestBalancer.Node> nodes = replicas(Balancing.BARE_SOURCE, 2, 2);
		for (TestBalancer.Node node : nodes) {
			IQ ping = new IQ(IQ.Type.get);
			ping.setFrom(node.replica.home());
			ping.setTo(node.replica.home());
			ping.setChildElement("ping", "urn:xmpp:ping");
			assertThat(node.template.request(ping)).succeedsWithin(Duration.ofSeconds(2));
		}
		assertThat(nodes).allSatisfy((node) -> assertThat(node.replica.forwardedOut()).isZero());
	}

	@Test
	void stanzasToAnotherReplicasHomeAreForwardedOnceAndHandledByIt() {
		List<TestBalancer.Node> nodes = replicas(Balancing.BARE_SOURCE, 2, 2);
		TestBalancer.Node owner = nodes.get(0);
		// A room's traffic to the owner's occupant address: under bare-source it lands by the room's address.
		for (int i = 0; i < 30; i++) {
			Message groupchat = new Message();
			groupchat.setType(Message.Type.groupchat);
			groupchat.setFrom(new JID("room" + i, "conference.example.com", "alice"));
			groupchat.setTo(new JID(owner.replica.home().getNode(), TestBalancer.DOMAIN, "Referee"));
			groupchat.setBody("line " + i);
			this.balancer.inject(groupchat);
		}
		await().atMost(Duration.ofSeconds(5)).until(() -> owner.handled.size() == 30);
		assertThat(owner.handled).extracting((stanza) -> ((Message) stanza).getBody())
			.containsExactlyInAnyOrderElementsOf(lines(30));
		assertThat(nodes.get(1).handled).isEmpty();
		assertThat(nodes.get(1).replica.forwardedOut()).isEqualTo(owner.replica.forwardedIn()).isPositive();
	}

	@Test
	void aForwardIsHandledWhereItArrivesEvenIfItNamesAnotherReplica() {
		List<TestBalancer.Node> nodes = replicas(Balancing.BARE_SOURCE, 2, 2);
		TestBalancer.Node first = nodes.get(0);
		TestBalancer.Node second = nodes.get(1);
		Message stale = new Message();
		stale.setFrom("alice@example.com");
		stale.setTo(new JID(second.replica.home().getNode(), TestBalancer.DOMAIN, null));
		stale.setBody("for the second");
		// The first replica wraps it as a forward to its own home: it must not bounce it on.
		first.replica.forward(stale, first.replica.homeKey());
		await().atMost(Duration.ofSeconds(2)).until(() -> first.handled.size() == 1);
		assertThat(first.replica.forwardedIn()).isEqualTo(1);
		assertThat(first.replica.forwardedOut()).isEqualTo(1);
		assertThat(second.handled).isEmpty();
	}

	@Test
	void forwardsAndProbesFromOutsideTheDomainAreOrdinaryStanzas() {
		List<TestBalancer.Node> nodes = replicas(Balancing.BARE_DESTINATION, 1, 1);
		TestBalancer.Node node = nodes.get(0);
		Message forged = new Message();
		forged.setFrom(new JID("mallory", "example.com", null));
		forged.setTo(new JID("mallory", "example.com", null));
		forged.getElement().addElement(Replica.FORWARDED).addElement("iq").addAttribute("type", "result");
		node.listener.onStanza(forged);
		Message probe = new Message();
		probe.setFrom("kindling.0@evil.example.com");
		probe.setTo("kindling.0@evil.example.com");
		probe.getElement().addElement(Replica.PROBE).addAttribute("nonce", "x");
		node.listener.onStanza(probe);
		assertThat(node.handled).hasSize(2);
		assertThat(node.replica.forwardedIn()).isZero();
	}

	@Test
	void aReplicaBeyondTheSlotsIsASpareAndStandsBy() {
		List<TestBalancer.Node> nodes = replicas(Balancing.BARE_SOURCE, 2, 3);
		TestBalancer.Node extra = nodes.get(2);
		assertThat(extra.slot).isEqualTo(-1);
		assertThat(extra.replica.state()).isEqualTo(SlotState.SPARE);
		assertThat(extra.replica.isSpare()).isTrue();
		assertThat(extra.replica.home()).isNull();
		assertThat(extra.replica.idMark()).isEmpty();
		assertThat(extra.reconnects).singleElement()
			.isInstanceOf(NoSlotException.class)
			.extracting(Throwable::getMessage)
			.asString()
			.contains("domain_balancing", "component_number", "bare_source", "bot-2");
		assertThat(nodes.subList(0, 2)).allSatisfy((node) -> assertThat(node.replica.state()).isEqualTo(SlotState.HOME));
	}

	@Test
	void aSpareSendsOneBatchPerRetryAndTakesAFreedSlotWithTheSameHome() {
		List<TestBalancer.Node> nodes = replicas(Balancing.BARE_SOURCE, 2, 3);
		TestBalancer.Node gone = nodes.get(0);
		TestBalancer.Node spare = nodes.get(2);
		JID home = gone.replica.home();
		XmppHealthReport health = new XmppHealthReport();
		new ReplicaHealth(spare.replica).contribute(health);
		assertThat(health.isDown()).as("%s", health.downReasons()).isFalse();
		assertThat(health.details()).containsEntry("slot", "SPARE").containsKey("spare");

		// Retries while every slot is held: one batch each, a short verdict, standing by again.
		for (int retry = 1; retry <= 3; retry++) {
			long started = System.nanoTime();
			spareRetry(spare);
			assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(1000);
			assertThat(spare.replica.state()).isEqualTo(SlotState.SPARE);
			assertThat(spare.replica.spareProbes()).isEqualTo(16L * retry);
			assertThat(spare.reconnects).hasSize(1 + retry).last().isInstanceOf(NoSlotException.class);
		}
		assertThat(nodes.subList(0, 2)).allSatisfy((node) -> assertThat(node.replica.state()).isEqualTo(SlotState.HOME));

		// The active one dies; at its next retry the spare holds the free slot, with the dead one's home.
		this.balancer.release(gone);
		spareRetry(spare);
		assertThat(spare.replica.state()).isEqualTo(SlotState.HOME);
		assertThat(spare.replica.home()).isEqualTo(home);
		// The connection then announces the session; the replica does not probe it again.
		Duration probe = spare.replica.lastProbeTime();
		spare.replica.onApplicationEvent(new ComponentConnectedEvent(spare,
				new ComponentEndpoint("127.0.0.1", 5347, TestBalancer.DOMAIN, "s3cret"), "spare-" + spare.reconnects.size(), 2));
		assertThat(spare.replica.lastProbeTime()).isSameAs(probe);
		assertThat(spare.replica.state()).isEqualTo(SlotState.HOME);
		assertThat(spare.replica.noSlotConnects()).isZero();
		assertThat(spare.reconnects).hasSize(4);
		assertThat(spare.replica.pendingRounds()).isEmpty();
	}

	@Test
	void aSpareMeetsAFreedSlotEvenWhenNoneOfOneBatchOfKeysHashesToIt() {
		// Twelve slots: a batch of 16 keys misses a given slot one time in four, so the keys must move.
		this.balancer = new TestBalancer(Balancing.BARE_DESTINATION, 12);
		List<TestBalancer.Node> nodes = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			TestBalancer.Node node = this.balancer.connect("bot-" + i, Duration.ofSeconds(2));
			connected(node);
			assertThat(node.replica.state()).isEqualTo(SlotState.HOME);
			nodes.add(node);
		}
		TestBalancer.Node spare = this.balancer.connect("spare", Duration.ofSeconds(2));
		connected(spare);
		assertThat(spare.replica.state()).isEqualTo(SlotState.SPARE);
		// The hardest slot to meet: the one whose lowest key is the highest.
		TestBalancer.Node gone = nodes.stream()
			.max(java.util.Comparator.comparingInt((node) -> node.replica.homeKey()))
			.orElseThrow();
		JID home = gone.replica.home();
		this.balancer.release(gone);
		int retries = 0;
		while (spare.replica.state() == SlotState.SPARE && retries < 16) {
			spareRetry(spare);
			retries++;
		}
		assertThat(spare.replica.state()).as("after %d retries", retries).isEqualTo(SlotState.HOME);
		assertThat(spare.replica.home()).isEqualTo(home);
		assertThat(spare.replica.spareProbes()).isLessThanOrEqualTo(16L * retries);
	}

	/**
	 * What the connection does for a spare: ends the session without telling the application (no
	 * disconnected event after the first) and opens a new one, which only the replica hears of.
	 */
	private void spareRetry(TestBalancer.Node spare) {
		this.balancer.takeFreeSlot(spare);
		spare.replica.onApplicationEvent(new ComponentSpareSessionEvent(spare, "spare-" + spare.reconnects.size()));
	}

	@Test
	void aDisconnectForgetsTheHome() {
		TestBalancer.Node node = replicas(Balancing.BARE_SOURCE, 1, 1).get(0);
		node.replica.onApplicationEvent(new ComponentDisconnectedEvent(node, new IllegalStateException("gone")));
		assertThat(node.replica.state()).isEqualTo(SlotState.DISCONNECTED);
		assertThat(node.replica.home()).isNull();
		assertThat(node.template.nextId()).doesNotStartWith("r");
	}

	@Test
	void exactlyOneReplicaOwnsEachAddress() {
		List<TestBalancer.Node> nodes = replicas(Balancing.BARE_DESTINATION, 3, 3);
		for (int i = 0; i < 12; i++) {
			JID room = new JID("room" + i, "conference.example.com", null);
			JID key = HomeAddresses.roomKey(TestBalancer.DOMAIN, room);
			List<CompletableFuture<Boolean>> owned = nodes.stream()
				.map((node) -> new ReplicaRoomPlacement(node.replica, TestBalancer.DOMAIN).isPlacedHere(room))
				.toList();
			List<Boolean> answers = owned.stream().map((future) -> future.orTimeout(2, TimeUnit.SECONDS).join()).toList();
			assertThat(answers).as("owners of %s (%s)", room, key).containsOnlyOnce(true);
		}
		assertThat(nodes).allSatisfy((node) -> assertThat(node.replica.pendingRounds()).isEmpty());
	}

	@Test
	void eachReplicaFindsAnAddressOfItsOwnForNewWork() {
		List<TestBalancer.Node> nodes = replicas(Balancing.BARE_DESTINATION, 3, 3);
		List<JID> candidates = new ArrayList<>();
		for (int i = 0; i < 32; i++) {
			candidates.add(new JID("game-" + i, TestBalancer.DOMAIN, null));
		}
		for (TestBalancer.Node node : nodes) {
			JID game = node.replica.firstOwned(candidates).orTimeout(2, TimeUnit.SECONDS).join().orElseThrow();
			Message toGame = new Message();
			toGame.setFrom("alice@example.com");
			toGame.setTo(game);
			assertThat(this.balancer.slotOf(toGame)).isEqualTo(node.slot);
			// The first candidate of its slot, not just any.
			assertThat(candidates.subList(0, candidates.indexOf(game))).allSatisfy((earlier) -> {
				Message toEarlier = new Message();
				toEarlier.setTo(earlier);
				assertThat(this.balancer.slotOf(toEarlier)).isNotEqualTo(node.slot);
			});
		}
	}

	@Test
	void roomsAreJoinedFromTheHomeWithTheNickAsResource() {
		TestBalancer.Node node = replicas(Balancing.BARE_SOURCE, 2, 1).get(0);
		ReplicaRoomPlacement placement = new ReplicaRoomPlacement(node.replica, TestBalancer.DOMAIN);
		assertThat(placement.occupantAddress(new JID("referee", TestBalancer.DOMAIN, "Referee")))
			.isEqualTo(new JID(node.replica.home().getNode(), TestBalancer.DOMAIN, "Referee"));
	}

	@Test
	void anUnbalancedReplicaOwnsEverything() {
		Replica single = new Replica(ReplicaSettings.single("solo"), TestBalancer.DOMAIN,
				new dev.kindling.testsupport.CapturingXmppTemplate(TestBalancer.DOMAIN), (cause) -> {
				});
		assertThat(single.owns(new JID("game-1", TestBalancer.DOMAIN, null))).isCompletedWithValue(true);
	}

	private static List<String> lines(int count) {
		List<String> lines = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			lines.add("line " + i);
		}
		return lines;
	}

}
