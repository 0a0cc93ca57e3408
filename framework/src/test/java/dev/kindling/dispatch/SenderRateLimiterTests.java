package dev.kindling.dispatch;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.xmpp.packet.IQ;
import org.xmpp.packet.Packet;
import org.xmpp.packet.PacketError;

import dev.kindling.handler.Body;
import dev.kindling.handler.IqType;
import dev.kindling.handler.OnIq;
import dev.kindling.handler.OnMessage;
import dev.kindling.testsupport.CapturingXmppTemplate;
import dev.kindling.testsupport.Stanzas;
import dev.kindling.testsupport.TestRouting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class SenderRateLimiterTests {

	private final AtomicLong now = new AtomicLong();

	private final CapturingXmppTemplate template = new CapturingXmppTemplate("bot.example.com");

	private StanzaDispatcher dispatcher;

	@AfterEach
	void drain() {
		if (this.dispatcher != null) {
			this.dispatcher.drain(Duration.ZERO);
		}
	}

	@Test
	void allowsTheBurstThenTheRate() {
		SenderRateLimiter limiter = new SenderRateLimiter(10, 3, 100, this.now::get);
		assertThat(limiter.tryAcquire("alice")).isTrue();
		assertThat(limiter.tryAcquire("alice")).isTrue();
		assertThat(limiter.tryAcquire("alice")).isTrue();
		assertThat(limiter.tryAcquire("alice")).isFalse();
		assertThat(limiter.tryAcquire("bob")).isTrue();

		this.now.addAndGet(Duration.ofMillis(100).toNanos());
		assertThat(limiter.tryAcquire("alice")).isTrue();
		assertThat(limiter.tryAcquire("alice")).isFalse();

		this.now.addAndGet(Duration.ofSeconds(10).toNanos());
		for (int i = 0; i < 3; i++) {
			assertThat(limiter.tryAcquire("alice")).isTrue();
		}
		assertThat(limiter.tryAcquire("alice")).as("refill stops at the burst").isFalse();
	}

	@Test
	void memoryStaysBoundedUnderASwarmOfNewSenders() {
		SenderRateLimiter limiter = new SenderRateLimiter(1, 2, 1000, this.now::get);
		int allowed = 0;
		for (int i = 0; i < 100_000; i++) {
			if (limiter.tryAcquire("user" + i + "@example.com")) {
				allowed++;
			}
		}
		assertThat(limiter.trackedSenders()).isLessThanOrEqualTo(1001);
		// 1,000 tracked senders with a burst of 2 each, then the swarm shares one bucket of 2.
		assertThat(allowed).isLessThanOrEqualTo(1000 * 2 + 2);

		// Idle senders refill and are forgotten, making room for new ones.
		this.now.addAndGet(Duration.ofSeconds(10).toNanos());
		assertThat(limiter.tryAcquire("newcomer@example.com")).isTrue();
		assertThat(limiter.trackedSenders()).isLessThanOrEqualTo(2);
	}

	@Test
	void dispatcherRefusesAFloodingSenderButServesOthers() {
		Handlers handlers = new Handlers();
		this.dispatcher = new StanzaDispatcher(TestRouting.router(this.template, handlers), new DispatchSettings(2, 1000),
				dev.kindling.observe.StanzaObserver.NONE, new SenderRateLimiter(1, 5, 100, this.now::get));
		for (int i = 0; i < 50; i++) {
			this.dispatcher.onStanza(Stanzas.get("flood@example.com/r", "bot.example.com", "query", "urn:example:score"));
			this.dispatcher.onStanza(Stanzas.chat("flood@example.com/r", "echo@bot.example.com", "m" + i));
		}
		this.dispatcher.onStanza(Stanzas.chat("calm@example.com/r", "echo@bot.example.com", "hello"));

		await().atMost(Duration.ofSeconds(10)).until(() -> this.dispatcher.queued() == 0 && handlers.bodies.contains("hello"));
		assertThat(handlers.scores).hasValue(3);
		// In order per sender; the two senders run on different handler threads.
		assertThat(handlers.bodies).containsExactlyInAnyOrder("m0", "m1", "hello");
		assertThat(handlers.bodies).filteredOn((body) -> body.startsWith("m")).containsExactly("m0", "m1");
		List<Packet> errors = this.template.sent().stream()
			.filter((p) -> p instanceof IQ iq && iq.getType() == IQ.Type.error)
			.toList();
		assertThat(errors).hasSize(47).allSatisfy((error) -> assertThat(error.getError().getCondition())
			.isEqualTo(PacketError.Condition.resource_constraint));
		assertThat(this.dispatcher.rateLimited()).isEqualTo(95);
		assertThat(this.dispatcher.dropped()).isEqualTo(48);
	}

	static class Handlers {

		final List<String> bodies = Collections.synchronizedList(new java.util.ArrayList<>());

		final AtomicLong scores = new AtomicLong();

		@OnMessage
		void record(@Body String body) {
			this.bodies.add(body);
		}

		@OnIq(namespace = "urn:example:score", type = IqType.GET)
		void score() {
			this.scores.incrementAndGet();
		}

	}

}
