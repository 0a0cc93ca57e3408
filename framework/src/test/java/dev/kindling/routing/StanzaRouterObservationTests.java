package dev.kindling.routing;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.Test;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;

import dev.kindling.connection.OutboundQueue;
import dev.kindling.connection.TestOutboundQueues;
import dev.kindling.handler.HandlerRegistry;
import dev.kindling.handler.OnMessage;
import dev.kindling.handler.StanzaHandlerFactory;
import dev.kindling.handler.XmppExceptionHandlers;
import dev.kindling.observe.HandlerObservationContext;
import dev.kindling.observe.StanzaObserver;
import dev.kindling.template.DefaultXmppTemplate;
import dev.kindling.template.PendingRequests;
import dev.kindling.testsupport.TestRouting;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Handler invocations and the template's requests as Micrometer observations: names, keys,
 * outcomes, errors, and a request made inside a handler as the handler's child.
 */
class StanzaRouterObservationTests {

	private static final String DOMAIN = "bot.example.com";

	private static final String PEER = "game.example.com";

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	private final PendingRequests pending = new PendingRequests(100, StanzaObserver.NONE);

	private final OutboundQueue queue = TestOutboundQueues.open(10);

	private final DefaultXmppTemplate template = new DefaultXmppTemplate(DOMAIN, this.queue, this.pending,
			Duration.ofSeconds(5));

	private final StanzaRouter router = router(new Handlers(this.template));

	@Test
	void aHandlerInvocationIsObservedWithItsHandlerKindAndOutcome() {
		this.router.route(chat("hi"));

		assertThat(this.registry).hasNumberOfObservationsEqualTo(1)
			.hasObservationWithNameEqualTo("xmpp.handler.invocation")
			.that()
			.hasContextualNameEqualTo("StanzaRouterObservationTests.Handlers.hi()")
			.hasLowCardinalityKeyValue("handler", "StanzaRouterObservationTests.Handlers.hi()")
			.hasLowCardinalityKeyValue("kind", "message")
			.hasLowCardinalityKeyValue("outcome", "success")
			.hasHighCardinalityKeyValue("xmpp.from", "alice@example.com/phone")
			.hasBeenStarted()
			.hasBeenStopped()
			.doesNotHaveError();
		assertThat(TestOutboundQueues.takeAll(this.queue)).singleElement()
			.satisfies((reply) -> assertThat(((Message) reply).getBody()).isEqualTo("hello"));
	}

	@Test
	void aFailedHandlerIsObservedWithItsOutcomeAndError() {
		this.router.route(chat("fail"));

		assertThat(this.registry).hasObservationWithNameEqualTo("xmpp.handler.invocation")
			.that()
			.hasLowCardinalityKeyValue("outcome", "failure")
			.hasBeenStopped()
			.assertThatError()
			.isInstanceOf(IllegalStateException.class)
			.hasMessage("boom");
	}

	@Test
	void aRequestMadeInAHandlerIsTheHandlersChild() {
		this.router.route(chat("ask"));
		IQ sent = (IQ) TestOutboundQueues.takeAll(this.queue).get(0);
		assertThat(this.registry).hasObservationWithNameEqualTo("xmpp.iq.request")
			.that()
			.hasBeenStarted()
			.isNotStopped();

		this.router.route(IQ.createResultIQ(sent));

		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(this.registry).hasObservationWithNameEqualTo("xmpp.handler.invocation")
				.that()
				.hasBeenStopped());
		assertThat(this.registry).hasObservationWithNameEqualTo("xmpp.iq.request")
			.that()
			.hasBeenStopped()
			.hasParentObservationContextMatching((parent) -> parent instanceof HandlerObservationContext handler
					&& handler.getHandler().name().equals("StanzaRouterObservationTests.Handlers.ask()"))
			.hasContextualNameEqualTo("iq get urn:xmpp:ping")
			.hasLowCardinalityKeyValue("type", "get")
			.hasLowCardinalityKeyValue("namespace", "urn:xmpp:ping")
			.hasLowCardinalityKeyValue("outcome", "result")
			.hasHighCardinalityKeyValue("xmpp.to", PEER);
		assertThat(this.registry).hasObservationWithNameEqualTo("xmpp.handler.invocation")
			.that()
			.hasLowCardinalityKeyValue("outcome", "success");
		assertThat(TestOutboundQueues.takeAll(this.queue)).singleElement()
			.satisfies((reply) -> assertThat(((Message) reply).getBody()).isEqualTo("pong"));
	}

	@Test
	void aRequestOutsideAHandlerHasNoParentAndMayTimeOut() {
		CompletableFuture<IQ> answer = this.template.request(ping(), Duration.ofMillis(50));

		await().atMost(Duration.ofSeconds(5)).until(answer::isDone);
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(this.registry).hasObservationWithNameEqualTo("xmpp.iq.request")
				.that()
				.hasBeenStopped()
				.hasLowCardinalityKeyValue("outcome", "timeout"));
		assertThat(this.registry).hasObservationWithNameEqualTo("xmpp.iq.request").that().doesNotHaveParentObservation();
	}

	@Test
	void withTheNoopRegistryNothingIsObserved() {
		TestObservationRegistry unused = TestObservationRegistry.create();
		DefaultXmppTemplate template = new DefaultXmppTemplate(DOMAIN, this.queue, this.pending, Duration.ofSeconds(5));
		StanzaHandlerFactory factory = TestRouting.factory();
		HandlerRegistry handlers = new HandlerRegistry();
		TestRouting.register(handlers, factory, new Handlers(template));
		handlers.freeze();
		StanzaRouter plain = new StanzaRouter(handlers, factory.returnValueHandlers(), template, this.pending,
				StanzaObserver.NONE, List.of(), XmppExceptionHandlers.none());

		plain.route(chat("hi"));

		assertThat(unused).doesNotHaveAnyObservation();
		assertThat(this.registry).doesNotHaveAnyObservation();
		assertThat(TestOutboundQueues.takeAll(this.queue)).hasSize(1);
	}

	private StanzaRouter router(Object handlers) {
		this.template.setObservationRegistry(this.registry);
		StanzaHandlerFactory factory = TestRouting.factory();
		HandlerRegistry registry = new HandlerRegistry();
		TestRouting.register(registry, factory, handlers);
		registry.freeze();
		StanzaRouter router = new StanzaRouter(registry, factory.returnValueHandlers(), this.template, this.pending,
				StanzaObserver.NONE, List.of(), XmppExceptionHandlers.none());
		router.setObservationRegistry(this.registry);
		return router;
	}

	private static Message chat(String body) {
		Message message = new Message();
		message.setType(Message.Type.chat);
		message.setFrom(new JID("alice@example.com/phone"));
		message.setTo(new JID(DOMAIN));
		message.setBody(body);
		return message;
	}

	private static IQ ping() {
		IQ ping = new IQ(IQ.Type.get);
		ping.setTo(PEER);
		ping.setChildElement("ping", "urn:xmpp:ping");
		return ping;
	}

	static class Handlers {

		private final DefaultXmppTemplate template;

		Handlers(DefaultXmppTemplate template) {
			this.template = template;
		}

		@OnMessage(body = "hi")
		String hi() {
			return "hello";
		}

		@OnMessage(body = "fail")
		String fail() {
			throw new IllegalStateException("boom");
		}

		@OnMessage(body = "ask")
		CompletableFuture<String> ask() {
			return this.template.request(ping()).thenApply((IQ result) -> "pong");
		}

	}

}
