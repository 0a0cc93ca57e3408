package dev.kindling.dispatch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.xmpp.packet.IQ;
import org.xmpp.packet.Message;
import org.xmpp.packet.PacketError;
import org.xmpp.packet.PacketError.Condition;

import dev.kindling.connection.OutboundQueue;
import dev.kindling.connection.TestOutboundQueues;
import dev.kindling.handler.Body;
import dev.kindling.handler.IqType;
import dev.kindling.handler.OnIq;
import dev.kindling.handler.OnMessage;
import dev.kindling.observe.StanzaObserver;
import dev.kindling.template.DefaultXmppTemplate;
import dev.kindling.template.PendingRequests;
import dev.kindling.testsupport.CapturingXmppTemplate;
import dev.kindling.testsupport.Stanzas;
import dev.kindling.testsupport.TestRouting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class StanzaDispatcherTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final String BOT = "bot.example.com";

	private final CapturingXmppTemplate template = new CapturingXmppTemplate(BOT);

	private final List<StanzaDispatcher> dispatchers = new ArrayList<>();

	@AfterEach
	void drainAll() {
		this.dispatchers.forEach((dispatcher) -> dispatcher.drain(Duration.ZERO));
	}

	@Test
	void keepsTheOrderOfOneSenderAcrossItsResources() {
		Recorder recorder = new Recorder();
		StanzaDispatcher dispatcher = dispatcher(new DispatchSettings(4, 10_000), recorder);
		for (int i = 0; i < 1000; i++) {
			String resource = (i % 3 == 0) ? "phone" : "laptop";
			dispatcher.onStanza(Stanzas.chat("alice@example.com/" + resource, BOT, Integer.toString(i)));
		}
		await().atMost(WAIT).until(() -> recorder.bodies.size() == 1000);
		List<String> expected = new ArrayList<>();
		for (int i = 0; i < 1000; i++) {
			expected.add(Integer.toString(i));
		}
		assertThat(recorder.bodies).containsExactlyElementsOf(expected);
		await().atMost(WAIT).until(() -> dispatcher.queued() == 0 && dispatcher.activeSenders() == 0);
		assertThat(dispatcher.dropped()).isZero();
	}

	@Test
	void differentSendersRunInParallel() throws InterruptedException {
		Blocking blocking = new Blocking();
		StanzaDispatcher dispatcher = dispatcher(new DispatchSettings(2, 100), blocking);
		dispatcher.onStanza(Stanzas.chat("alice@example.com/a", BOT, "block"));
		assertThat(blocking.started.await(10, TimeUnit.SECONDS)).isTrue();

		dispatcher.onStanza(Stanzas.chat("bob@example.com/b", BOT, "hello"));

		await().atMost(WAIT).until(() -> blocking.passed.contains("hello"));
		await().atMost(WAIT).until(() -> dispatcher.activeSenders() == 1);
		assertThat(blocking.passed).containsExactly("hello");
		blocking.release.countDown();
	}

	@Test
	void whenOverloadedAnswersIqRequestsWithResourceConstraintAndDropsTheRest() throws InterruptedException {
		Blocking blocking = new Blocking();
		StanzaDispatcher dispatcher = dispatcher(new DispatchSettings(1, 2), blocking);
		dispatcher.onStanza(Stanzas.chat("alice@example.com/a", BOT, "block"));
		assertThat(blocking.started.await(10, TimeUnit.SECONDS)).isTrue();
		dispatcher.onStanza(Stanzas.chat("alice@example.com/a", BOT, "queued"));
		assertThat(dispatcher.queued()).isEqualTo(2);

		IQ request = Stanzas.get("bob@example.com/b", BOT, "query", "urn:example:score");
		dispatcher.onStanza(request);
		dispatcher.onStanza(Stanzas.chat("carol@example.com/c", BOT, "dropped"));
		dispatcher.onStanza(Stanzas.message(Message.Type.groupchat, "room@conference.example.com/dave", BOT, "dropped too"));

		IQ answer = (IQ) this.template.single();
		assertThat(answer.getType()).isEqualTo(IQ.Type.error);
		assertThat(answer.getID()).isEqualTo(request.getID());
		assertThat(answer.getTo()).isEqualTo(request.getFrom());
		assertThat(answer.getError().getCondition()).isEqualTo(Condition.resource_constraint);
		assertThat(answer.getError().getType()).isEqualTo(PacketError.Type.wait);
		assertThat(dispatcher.refused()).isEqualTo(1);
		assertThat(dispatcher.dropped()).isEqualTo(2);

		blocking.release.countDown();
		await().atMost(WAIT).until(() -> dispatcher.queued() == 0);
		assertThat(blocking.passed).containsExactly("block", "queued");
		assertThat(blocking.scores).as("the refused IQ never reached its handler").isZero();

		// Once the queue has room again, stanzas are taken.
		dispatcher.onStanza(Stanzas.get("bob@example.com/b", BOT, "query", "urn:example:score"));
		await().atMost(WAIT).until(() -> this.template.sent().size() == 2);
		assertThat(((IQ) this.template.sent().get(1)).getType()).isEqualTo(IQ.Type.result);
	}

	@Test
	void drainStopsTakingStanzasAndWaitsForTheAcceptedOnes() throws Exception {
		Blocking blocking = new Blocking();
		StanzaDispatcher dispatcher = dispatcher(new DispatchSettings(2, 100), blocking);
		dispatcher.onStanza(Stanzas.chat("alice@example.com/a", BOT, "block"));
		assertThat(blocking.started.await(10, TimeUnit.SECONDS)).isTrue();
		dispatcher.onStanza(Stanzas.chat("alice@example.com/a", BOT, "behind the blocked one"));

		CompletableFuture<Void> drained = CompletableFuture.runAsync(() -> dispatcher.drain(Duration.ofSeconds(20)));

		// Draining has begun once a new sender's chat is turned away; the accepted work is still running.
		await().atMost(WAIT).until(() -> {
			dispatcher.onStanza(Stanzas.chat("carol@example.com/c", BOT, "probe"));
			return dispatcher.dropped() > 0;
		});
		Message turnedAway = (Message) this.template.sent().get(this.template.sent().size() - 1);
		assertThat(turnedAway.getTo()).hasToString("carol@example.com/c");
		assertThat(turnedAway.getError().getType()).as("try again: another instance takes over")
			.isEqualTo(PacketError.Type.wait);
		assertThat(turnedAway.getError().getText()).contains("restarting");
		IQ late = Stanzas.get("bob@example.com/b", BOT, "query", "urn:example:score");
		dispatcher.onStanza(late);
		IQ refusal = (IQ) this.template.sent().get(this.template.sent().size() - 1);
		assertThat(refusal.getID()).isEqualTo(late.getID());
		assertThat(refusal.getError().getCondition()).isEqualTo(Condition.service_unavailable);
		assertThat(refusal.getError().getType()).isEqualTo(PacketError.Type.wait);
		assertThat(refusal.getError().getText()).isEqualTo(StanzaDispatcher.RESTARTING);
		assertThat(dispatcher.refused()).isEqualTo(1);
		dispatcher.onStanza(Stanzas.message(Message.Type.groupchat, "room@conference.example.com/dave", BOT, "in a room"));
		assertThat(this.template.sent().get(this.template.sent().size() - 1)).as("never an error into a room")
			.isSameAs(refusal);
		assertThat(drained).isNotDone();

		blocking.release.countDown();
		drained.get(10, TimeUnit.SECONDS);
		assertThat(blocking.passed).as("everything accepted was handled before drain returned")
			.filteredOn((body) -> !body.equals("probe"))
			.containsExactly("block", "behind the blocked one");
		assertThat(dispatcher.queued()).isZero();
		assertThat(blocking.scores).isZero();
	}

	@Test
	void answersToOurOwnRequestsSkipFullQueues() throws Exception {
		OutboundQueue outbound = TestOutboundQueues.open(10);
		PendingRequests pending = new PendingRequests(10, StanzaObserver.NONE);
		DefaultXmppTemplate ours = new DefaultXmppTemplate(BOT, outbound, pending, Duration.ofSeconds(10));
		Blocking blocking = new Blocking();
		StanzaDispatcher dispatcher = new StanzaDispatcher(TestRouting.router(ours, pending, blocking),
				new DispatchSettings(1, 1), StanzaObserver.NONE, null);
		this.dispatchers.add(dispatcher);
		dispatcher.onStanza(Stanzas.chat("game.example.com", BOT, "block"));
		assertThat(blocking.started.await(10, TimeUnit.SECONDS)).isTrue();
		IQ request = new IQ(IQ.Type.get);
		request.setTo("game.example.com");
		request.setChildElement("query", "urn:example:game");
		CompletableFuture<IQ> answer = ours.request(request);
		IQ sent = (IQ) TestOutboundQueues.takeAll(outbound).get(0);

		// The queue is full and the sender's lane is blocked, yet the answer gets through.
		dispatcher.onStanza(IQ.createResultIQ(sent));

		assertThat(answer).succeedsWithin(WAIT);
		assertThat(dispatcher.dropped()).isZero();
		assertThat(dispatcher.refused()).isZero();
		blocking.release.countDown();
	}

	@Test
	void openAfterDrainTakesStanzasAgain() {
		// A restarted context (Spring's test context cache pauses and restarts contexts) opens a drained dispatcher.
		Recorder recorder = new Recorder();
		StanzaDispatcher dispatcher = dispatcher(new DispatchSettings(2, 100), recorder);
		dispatcher.onStanza(Stanzas.chat("alice@example.com/a", BOT, "before"));
		dispatcher.drain(Duration.ofSeconds(10));
		dispatcher.onStanza(Stanzas.chat("alice@example.com/a", BOT, "while stopped"));

		dispatcher.open();
		dispatcher.onStanza(Stanzas.chat("alice@example.com/a", BOT, "after"));

		await().atMost(WAIT).until(() -> recorder.bodies.size() == 2);
		assertThat(recorder.bodies).containsExactly("before", "after");
		assertThat(dispatcher.dropped()).isEqualTo(1);
	}

	@Test
	void drainGivesUpAfterItsTimeout() throws InterruptedException {
		Blocking blocking = new Blocking();
		StanzaDispatcher dispatcher = dispatcher(new DispatchSettings(1, 100), blocking);
		dispatcher.onStanza(Stanzas.chat("alice@example.com/a", BOT, "block"));
		assertThat(blocking.started.await(10, TimeUnit.SECONDS)).isTrue();

		long start = System.nanoTime();
		dispatcher.drain(Duration.ofMillis(200));

		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
		assertThat(dispatcher.queued()).isEqualTo(1);
		blocking.release.countDown();
	}

	private StanzaDispatcher dispatcher(DispatchSettings settings, Object handlers) {
		StanzaDispatcher dispatcher = new StanzaDispatcher(TestRouting.router(this.template, handlers), settings,
				StanzaObserver.NONE, null);
		this.dispatchers.add(dispatcher);
		return dispatcher;
	}

	static class Recorder {

		final List<String> bodies = Collections.synchronizedList(new ArrayList<>());

		@OnMessage
		void record(@Body String body) {
			this.bodies.add(body);
		}

	}

	static class Blocking {

		final CountDownLatch started = new CountDownLatch(1);

		final CountDownLatch release = new CountDownLatch(1);

		final List<String> passed = Collections.synchronizedList(new ArrayList<>());

		volatile int scores;

		@OnMessage
		void handle(@Body String body) throws InterruptedException {
			if (body.equals("block")) {
				this.started.countDown();
				this.release.await(30, TimeUnit.SECONDS);
			}
			this.passed.add(body);
		}

		@OnIq(namespace = "urn:example:score", type = IqType.GET)
		void score() {
			this.scores++;
		}

	}

}
