package dev.kindling.pubsub;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.dom4j.DocumentException;
import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.util.ReflectionUtils;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;

import dev.kindling.handler.HandlerDefinitionException;
import dev.kindling.payload.PayloadMapper;
import dev.kindling.payload.XmppPayload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PubSubEventDispatcherTests {

	private final PubSubEventDispatcher dispatcher = new PubSubEventDispatcher(new PayloadMapper());

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
	void badDeclarationsFailNamingTheMethod() {
		assertThatExceptionOfType(HandlerDefinitionException.class).isThrownBy(() -> registerAll(new Unbindable()))
			.withMessageContaining("Unbindable.handle")
			.withMessageContaining("parameter 0");
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
