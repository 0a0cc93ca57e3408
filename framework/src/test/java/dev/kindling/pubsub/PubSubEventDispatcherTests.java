package dev.kindling.pubsub;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.dom4j.DocumentException;
import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.core.MethodParameter;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.messaging.handler.invocation.HandlerMethodArgumentResolver;
import org.springframework.util.ReflectionUtils;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;

import dev.kindling.handler.ArgumentValidator;
import dev.kindling.handler.From;
import dev.kindling.handler.HandlerDefinitionException;
import dev.kindling.handler.HandlerMethodConfigurer;
import dev.kindling.handler.HandlerRegistry;
import dev.kindling.handler.StanzaHandlerFactory;
import dev.kindling.handler.XmppExceptionHandler;
import dev.kindling.handler.XmppExceptionHandlers;
import dev.kindling.observe.HandlerOutcome;
import dev.kindling.observe.ObservedHandler;
import dev.kindling.observe.StanzaObserver;
import dev.kindling.payload.PayloadMapper;
import dev.kindling.payload.XmppPayload;
import dev.kindling.routing.StanzaRouter;
import dev.kindling.template.PendingRequests;
import dev.kindling.template.XmppTemplate;
import dev.kindling.testsupport.CapturingXmppTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PubSubEventDispatcherTests {

	private final CapturingXmppTemplate template = new CapturingXmppTemplate();

	private final List<String> observed = new CopyOnWriteArrayList<>();

	private final StanzaHandlerFactory factory = new StanzaHandlerFactory(new DefaultConversionService(),
			List.of(new ClockConfigurer()), "!", ArgumentValidator.NONE);

	private final XmppExceptionHandlers exceptionHandlers = new XmppExceptionHandlers(this.factory.argumentResolvers());

	private final StanzaRouter router = new StanzaRouter(new HandlerRegistry(), this.factory.returnValueHandlers(),
			this.template, new PendingRequests(10, StanzaObserver.NONE), new StanzaObserver() {

				@Override
				public void handled(ObservedHandler handler, Packet stanza, long nanos, HandlerOutcome outcome,
						@Nullable Throwable failure) {
					PubSubEventDispatcherTests.this.observed.add(handler.name() + " " + outcome);
				}

			}, List.of(), this.exceptionHandlers);

	private final PubSubEventDispatcher dispatcher = new PubSubEventDispatcher(PayloadMapper.withDefaults(),
			this.factory,
			this.router);

	private final Listener listener = new Listener();

	@Test
	void callsMatchingHandlersOncePerItemWithTheBoundPayload() {
		registerAll(this.listener);

		this.dispatcher.onEvent(event("<items node='game-1'><item id='a'><score xmlns='urn:example:game' points='1'/></item>"
				+ "<item id='b'><score xmlns='urn:example:game' points='2'/></item></items>"));

		// Handlers are called in registration order, which reflection does not fix; items in document order.
		assertThat(this.listener.log).containsExactlyInAnyOrder("score a Score[points=1]", "any game-1 ITEM",
				"score b Score[points=2]", "any game-1 ITEM");
		assertThat(this.listener.log.indexOf("score a Score[points=1]")).isLessThan(this.listener.log.indexOf("score b Score[points=2]"));
	}

	@Test
	void aTypedPayloadParameterOnlyTakesItemsCarryingThatElement() {
		registerAll(this.listener);

		this.dispatcher.onEvent(event("<items node='game-1'><item id='a'><other xmlns='urn:x'/></item></items>"));

		assertThat(this.listener.log).containsExactly("any game-1 ITEM");
	}

	@Test
	void retractionsPurgeAndDeletionReachTheHandlersOfThoseKinds() {
		registerAll(this.listener);

		this.dispatcher.onEvent(event("<items node='game-1'><retract id='a'/></items>"));
		this.dispatcher.onEvent(event("<purge node='game-1'/>"));
		this.dispatcher.onEvent(event("<delete node='game-1'/>"));

		assertThat(this.listener.log).containsExactly("changed RETRACT a", "changed PURGE null", "changed DELETE null");
	}

	@Test
	void theNodePatternMustMatchTheWholeName() {
		registerAll(this.listener);

		this.dispatcher.onEvent(event("<items node='game-1-old'><item id='a'><score xmlns='urn:example:game' points='1'/>"
				+ "</item></items>"));

		assertThat(this.listener.log).isEmpty();
	}

	@Test
	void aFailingHandlerDoesNotStopTheOthers() {
		registerAll(new Failing());
		registerAll(this.listener);

		this.dispatcher.onEvent(event("<purge node='game-1'/>"));

		assertThat(this.listener.log).containsExactly("changed PURGE null");
	}

	@Test
	void handlersTakeTheArgumentsOfEveryHandlerAndAreObserved() {
		Publisher publisher = new Publisher();
		registerAll(publisher);

		this.dispatcher.onEvent(event("<items node='news'><item id='a'><entry xmlns='urn:x'/></item></items>"));

		assertThat(publisher.log).containsExactly("pubsub.example.com a at 2026-01-01T00:00:00Z");
		assertThat(this.template.sent()).singleElement()
			.satisfies((sent) -> assertThat(sent.toXML()).contains("to=\"alice@example.com\"").contains("news/a"));
		assertThat(this.observed).containsExactly("PubSubEventDispatcherTests.Publisher.relay(JID, String, XmppTemplate, Instant) SUCCESS");
		assertThat(this.dispatcher.mappings())
			.containsExactly("@OnPubSubEvent(node='news', kind=[ITEM]) -> PubSubEventDispatcherTests.Publisher.relay(JID, String, XmppTemplate, Instant)");
	}

	@Test
	void theBeansExceptionHandlerSeesAFailureAndNothingIsAnswered() {
		Guarded guarded = new Guarded();
		registerAll(guarded);
		this.exceptionHandlers.register(guarded);

		this.dispatcher.onEvent(event("<purge node='game-1'/>"));

		assertThat(guarded.log).containsExactly("handled boom from pubsub.example.com");
		assertThat(this.template.sent()).isEmpty();
		assertThat(this.observed).containsExactly("PubSubEventDispatcherTests.Guarded.handle(PubSubEvent) REJECTED");
	}

	@Test
	void aFailureNoExceptionHandlerTakesIsObservedAndNotAnswered() {
		registerAll(new Failing());

		this.dispatcher.onEvent(event("<purge node='game-1'/>"));

		assertThat(this.template.sent()).isEmpty();
		assertThat(this.observed).containsExactly("PubSubEventDispatcherTests.Failing.handle(PubSubEvent) FAILURE");
	}

	@Test
	void badDeclarationsFailNamingTheMethod() {
		assertThatExceptionOfType(HandlerDefinitionException.class).isThrownBy(() -> registerAll(new Unbindable()))
			.withMessageContaining("Unbindable.handle(Integer)")
			.withMessageContaining("parameter 0")
			.withMessageContaining("@ItemId String");
		assertThatExceptionOfType(HandlerDefinitionException.class).isThrownBy(() -> registerAll(new Returning()))
			.withMessageContaining("Returning.handle")
			.withMessageContaining("void");
		assertThatExceptionOfType(HandlerDefinitionException.class).isThrownBy(() -> registerAll(new BadPattern()))
			.withMessageContaining("BadPattern.handle")
			.withMessageContaining("node pattern");
	}

	private void registerAll(Object bean) {
		ReflectionUtils.doWithMethods(bean.getClass(), (method) -> this.dispatcher.register(bean, method),
				PubSubEventHandler::isHandler);
	}

	private static Message event(String content) {
		try {
			Message message = new Message();
			message.setType(Message.Type.headline);
			message.setFrom(new JID("pubsub.example.com"));
			message.setTo(new JID("bot.example.com"));
			Element event = DocumentHelper.parseText("<event xmlns='" + PubSubTemplate.EVENT + "'>" + content + "</event>")
				.getRootElement();
			message.getElement().add(event.detach());
			return message;
		}
		catch (DocumentException ex) {
			throw new IllegalArgumentException(ex);
		}
	}

	@XmppPayload(namespace = "urn:example:game", element = "score")
	record Score(int points) {
	}

	static class Listener {

		final List<String> log = new CopyOnWriteArrayList<>();

		@OnPubSubEvent(node = "game-\\d+")
		void score(@ItemId String id, Score score) {
			this.log.add("score " + id + " " + score);
		}

		@OnPubSubEvent(node = "game-\\d+", service = "pubsub.example.com")
		void any(PubSubEvent event, @Nullable Element payload) {
			this.log.add("any " + event.node() + " " + event.kind());
		}

		@OnPubSubEvent(node = "game-.*", kind = { PubSubEvent.Kind.RETRACT, PubSubEvent.Kind.PURGE, PubSubEvent.Kind.DELETE })
		void changed(PubSubEvent event, @ItemId @Nullable String id) {
			this.log.add("changed " + event.kind() + " " + id);
		}

		@OnPubSubEvent(service = "pubsub.elsewhere.com")
		void elsewhere(PubSubEvent event) {
			this.log.add("elsewhere");
		}

	}

	static class Publisher {

		final List<String> log = new CopyOnWriteArrayList<>();

		@OnPubSubEvent(node = "news")
		void relay(@From JID service, @ItemId String id, XmppTemplate template, Instant now) {
			this.log.add(service + " " + id + " at " + now);
			Message message = new Message();
			message.setTo(new JID("alice@example.com"));
			message.setBody("news/" + id);
			template.send(message);
		}

	}

	static class Guarded {

		final List<String> log = new CopyOnWriteArrayList<>();

		@OnPubSubEvent(kind = PubSubEvent.Kind.PURGE)
		void handle(PubSubEvent event) {
			throw new IllegalStateException("boom");
		}

		@XmppExceptionHandler
		String failed(IllegalStateException ex, @From JID from) {
			this.log.add("handled " + ex.getMessage() + " from " + from);
			return "not sent: events are never answered";
		}

	}

	/** A resolver of the application's own, contributed like any other. */
	static final class ClockConfigurer implements HandlerMethodConfigurer {

		@Override
		public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
			resolvers.add(new HandlerMethodArgumentResolver() {

				@Override
				public boolean supportsParameter(MethodParameter parameter) {
					return parameter.getParameterType() == Instant.class;
				}

				@Override
				public Object resolveArgument(MethodParameter parameter, org.springframework.messaging.Message<?> message) {
					return Instant.parse("2026-01-01T00:00:00Z");
				}

			});
		}

	}

	static class Failing {

		@OnPubSubEvent(kind = PubSubEvent.Kind.PURGE)
		void handle(PubSubEvent event) {
			throw new IllegalStateException("boom");
		}

	}

	static class Unbindable {

		@OnPubSubEvent
		void handle(Integer number) {
		}

	}

	static class Returning {

		@OnPubSubEvent
		String handle(PubSubEvent event) {
			return "no";
		}

	}

	static class BadPattern {

		@OnPubSubEvent(node = "game-(")
		void handle(PubSubEvent event) {
		}

	}

}
