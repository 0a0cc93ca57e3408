package dev.kindling.routing;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.Packet;
import org.xmpp.packet.PacketError;
import org.xmpp.packet.PacketError.Condition;

import dev.kindling.RequestTimeoutException;
import dev.kindling.StanzaNotSentException;
import dev.kindling.XmppErrorException;
import dev.kindling.connection.OutboundQueue;
import dev.kindling.connection.TestOutboundQueues;
import dev.kindling.connection.ComponentDisconnectedEvent;
import dev.kindling.observe.StanzaObserver;
import dev.kindling.template.DefaultXmppTemplate;
import dev.kindling.template.PendingRequests;
import dev.kindling.testsupport.TestRouting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * Our own IQ requests, sent with a {@link DefaultXmppTemplate} over a real outbound queue, and
 * their answers coming back through the router.
 */
class StanzaRouterRequestTests {

	private static final String DOMAIN = "bot.example.com";

	private static final String PEER = "game.example.com";

	private final PendingRequests pending = new PendingRequests(100, StanzaObserver.NONE);

	@Test
	void aResultFromTheAddresseeCompletesTheRequest() throws Exception {
		OutboundQueue queue = TestOutboundQueues.open(10);
		DefaultXmppTemplate template = template(queue);
		StanzaRouter router = TestRouting.router(template, this.pending);

		CompletableFuture<IQ> answer = template.request(request(PEER));
		IQ sent = (IQ) single(queue);
		assertThat(sent.getID()).as("an id is assigned").isNotBlank();
		assertThat(sent.getFrom()).isEqualTo(new JID(DOMAIN));
		assertThat(answer).isNotDone();
		assertThat(this.pending.size()).isEqualTo(1);

		IQ result = IQ.createResultIQ(sent);
		router.route(result);

		assertThat(answer.get(1, TimeUnit.SECONDS).getID()).isEqualTo(sent.getID());
		assertThat(this.pending.size()).isZero();
		assertThat(TestOutboundQueues.takeAll(queue)).as("an answer is never answered").isEmpty();
	}

	@Test
	void anErrorFromTheAddresseeFailsTheRequestWithThatError() {
		OutboundQueue queue = TestOutboundQueues.open(10);
		DefaultXmppTemplate template = template(queue);
		StanzaRouter router = TestRouting.router(template, this.pending);

		CompletableFuture<IQ> answer = template.request(request(PEER));
		IQ error = IQ.createResultIQ((IQ) single(queue));
		error.setType(IQ.Type.error);
		error.setError(new PacketError(Condition.item_not_found, PacketError.Type.cancel, "no such game"));
		router.route(error);

		assertThat(answer).failsWithin(Duration.ofSeconds(1))
			.withThrowableOfType(java.util.concurrent.ExecutionException.class)
			.havingCause()
			.isInstanceOfSatisfying(XmppErrorException.class, (ex) -> {
				assertThat(ex.getCondition()).isEqualTo(Condition.item_not_found);
				assertThat(ex.getText()).isEqualTo("no such game");
			});
		assertThat(TestOutboundQueues.takeAll(queue)).isEmpty();
	}

	@Test
	void aResultFromAnotherAddressDoesNotCompleteTheRequest() {
		OutboundQueue queue = TestOutboundQueues.open(10);
		DefaultXmppTemplate template = template(queue);
		StanzaRouter router = TestRouting.router(template, this.pending);

		CompletableFuture<IQ> answer = template.request(request(PEER));
		IQ sent = (IQ) single(queue);

		IQ forged = IQ.createResultIQ(sent);
		forged.setFrom("mallory@example.com/x");
		router.route(forged);
		IQ forgedError = IQ.createResultIQ(sent);
		forgedError.setType(IQ.Type.error);
		forgedError.setError(Condition.item_not_found);
		forgedError.setFrom("game.example.com.evil.example");
		router.route(forgedError);

		assertThat(this.pending.size()).as("still awaiting the real answer").isEqualTo(1);
		assertThat(TestOutboundQueues.takeAll(queue)).isEmpty();

		router.route(IQ.createResultIQ(sent));
		assertThat(answer).succeedsWithin(Duration.ofSeconds(1))
			.satisfies((result) -> assertThat(result.getFrom()).isEqualTo(new JID(PEER)));
	}

	@Test
	void anUnansweredRequestTimesOut() {
		DefaultXmppTemplate template = template(TestOutboundQueues.open(10));

		CompletableFuture<IQ> answer = template.request(request(PEER), Duration.ofMillis(100));

		await().atMost(Duration.ofSeconds(5)).until(answer::isDone);
		assertThat(answer).failsWithin(Duration.ZERO)
			.withThrowableOfType(java.util.concurrent.ExecutionException.class)
			.havingCause()
			.isInstanceOf(RequestTimeoutException.class)
			.withMessageContaining(PEER);
		assertThat(this.pending.size()).isZero();
	}

	@Test
	void aLateAnswerAfterTheTimeoutIsDropped() {
		OutboundQueue queue = TestOutboundQueues.open(10);
		DefaultXmppTemplate template = template(queue);
		StanzaRouter router = TestRouting.router(template, this.pending);
		CompletableFuture<IQ> answer = template.request(request(PEER), Duration.ofMillis(50));
		IQ sent = (IQ) single(queue);
		await().atMost(Duration.ofSeconds(5)).until(answer::isDone);

		router.route(IQ.createResultIQ(sent));

		assertThat(answer).isCompletedExceptionally();
		assertThat(TestOutboundQueues.takeAll(queue)).isEmpty();
	}

	@Test
	void aRequestOnAClosedQueueFailsWithStanzaNotSent() {
		OutboundQueue closed = new OutboundQueue(10);
		DefaultXmppTemplate template = template(closed);

		CompletableFuture<IQ> answer = template.request(request(PEER));

		assertThat(answer).isCompletedExceptionally();
		assertThat(answer).failsWithin(Duration.ZERO)
			.withThrowableOfType(java.util.concurrent.ExecutionException.class)
			.havingCause()
			.isInstanceOf(StanzaNotSentException.class);
		assertThat(this.pending.size()).as("a request that was never sent is not awaited").isZero();
	}

	@Test
	void sendingOnAClosedQueueThrowsStanzaNotSent() {
		DefaultXmppTemplate template = template(new OutboundQueue(10));

		org.assertj.core.api.Assertions.assertThatExceptionOfType(StanzaNotSentException.class)
			.isThrownBy(() -> template.sendMessage(new JID("alice@example.com"), "hi"));
	}

	@Test
	void losingTheStreamFailsWaitingRequestsAtOnce() {
		DefaultXmppTemplate template = template(TestOutboundQueues.open(10));
		CompletableFuture<IQ> first = template.request(request(PEER));
		CompletableFuture<IQ> second = template.request(request("other.example.com"));

		template.onApplicationEvent(new ComponentDisconnectedEvent(this, new IllegalStateException("gone")));

		assertThat(List.of(first, second)).allSatisfy((future) -> assertThat(future).failsWithin(Duration.ZERO)
			.withThrowableOfType(java.util.concurrent.ExecutionException.class)
			.havingCause()
			.isInstanceOf(StanzaNotSentException.class));
		assertThat(this.pending.size()).isZero();
	}

	@Test
	void tooManyWaitingRequestsFailTheNewOneWithoutSendingIt() {
		PendingRequests one = new PendingRequests(1, StanzaObserver.NONE);
		OutboundQueue queue = TestOutboundQueues.open(10);
		DefaultXmppTemplate template = new DefaultXmppTemplate(DOMAIN, queue, one, Duration.ofSeconds(10));
		template.request(request(PEER));
		TestOutboundQueues.takeAll(queue);

		CompletableFuture<IQ> refused = template.request(request(PEER));

		// XmppTemplate#request: a request that is not sent fails its future with StanzaNotSentException.
		assertThat(refused).failsWithin(Duration.ZERO)
			.withThrowableOfType(java.util.concurrent.ExecutionException.class)
			.havingCause()
			.isInstanceOf(StanzaNotSentException.class);
		assertThat(TestOutboundQueues.takeAll(queue)).isEmpty();
	}

	@Test
	void aForeignFromIsRefusedAndTheRequestIsNotLeftWaiting() {
		DefaultXmppTemplate template = template(TestOutboundQueues.open(10));
		IQ foreign = request(PEER);
		foreign.setFrom("someone@else.example.com");

		assertThatIllegalArgumentException().isThrownBy(() -> template.request(foreign))
			.withMessageContaining("else.example.com");
		assertThat(this.pending.size()).isZero();
	}

	@Test
	void sendKeepsAFromInsideTheComponentsDomain() {
		OutboundQueue queue = TestOutboundQueues.open(10);
		DefaultXmppTemplate template = template(queue);
		IQ request = request(PEER);
		request.setFrom("referee@" + DOMAIN + "/game");

		template.send(request);

		assertThat(single(queue).getFrom()).isEqualTo(new JID("referee@" + DOMAIN + "/game"));
	}

	private DefaultXmppTemplate template(OutboundQueue queue) {
		return new DefaultXmppTemplate(DOMAIN, queue, this.pending, Duration.ofSeconds(10));
	}

	private static IQ request(String to) {
		IQ request = new IQ(IQ.Type.get);
		request.setID(null);
		request.setTo(to);
		request.setChildElement("query", "urn:example:game");
		return request;
	}

	private static Packet single(OutboundQueue queue) {
		List<Packet> sent = TestOutboundQueues.takeAll(queue);
		assertThat(sent).hasSize(1);
		return sent.get(0);
	}

}
