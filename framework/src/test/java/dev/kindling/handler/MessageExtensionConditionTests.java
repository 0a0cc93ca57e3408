package dev.kindling.handler;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.xmpp.packet.Message;

import dev.kindling.handler.HandlerRegistry.Route;
import dev.kindling.testsupport.Stanzas;
import dev.kindling.testsupport.TestRouting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** {@code @OnMessage(extension = …)}: messages routed by an extension element, with or without a body. */
class MessageExtensionConditionTests {

	private static final String FROM = "pubsub.example.com";

	private static final String BOT = "bot.example.com";

	private static final String EVENT = "http://jabber.org/protocol/pubsub#event";

	@Test
	void anExtensionHandlerTakesBodilessMessagesThatCarryTheExtension() {
		HandlerRegistry registry = TestRouting.registry(new Handlers());

		assertThat(handlerFor(registry, withExtension(Stanzas.message(Message.Type.headline, FROM, BOT, null), EVENT)))
			.isEqualTo("events");
		assertThat(registry.lookup(Stanzas.message(Message.Type.headline, FROM, BOT, null)))
			.as("no body, no extension").isNull();
		assertThat(registry.lookup(withExtension(Stanzas.message(Message.Type.headline, FROM, BOT, null), "urn:other")))
			.as("another extension").isNull();
		assertThat(registry.lookup(withExtension(Stanzas.message(Message.Type.chat, FROM, BOT, null), EVENT)))
			.as("the type filter still applies").isNull();
	}

	@Test
	void anExtensionOutranksTheBodyHandlersAndBodyHandlersStillNeedABody() {
		HandlerRegistry registry = TestRouting.registry(new Handlers());

		assertThat(handlerFor(registry, withExtension(Stanzas.message(Message.Type.headline, FROM, BOT, "hi"), EVENT)))
			.isEqualTo("events");
		assertThat(handlerFor(registry, Stanzas.message(Message.Type.headline, FROM, BOT, "hi"))).isEqualTo("any");
	}

	@Test
	void aBodyPatternWithAnExtensionNeedsBoth() {
		HandlerRegistry registry = TestRouting.registry(new PatternAndExtension());

		assertThat(handlerFor(registry, withExtension(Stanzas.chat(FROM, BOT, "!go"), "urn:x"))).isEqualTo("both");
		assertThat(registry.lookup(withExtension(Stanzas.chat(FROM, BOT, null), "urn:x"))).isNull();
		assertThat(registry.lookup(Stanzas.chat(FROM, BOT, "!go"))).isNull();
	}

	@Test
	void differentExtensionsDoNotOverlapButTheSameOneIsAmbiguous() {
		assertThat(TestRouting.registry(new TwoExtensions()).handlers()).hasSize(2);
		assertThatExceptionOfType(HandlerDefinitionException.class)
			.isThrownBy(() -> TestRouting.registry(new SameExtensionTwice()))
			.withMessageContaining("Ambiguous");
	}

	@Test
	void theMappingNamesTheExtension() {
		assertThat(TestRouting.registry(new TwoExtensions()).handlers()).extracting(StanzaHandler::mapping)
			.anySatisfy((mapping) -> assertThat(mapping).contains("extension=urn:a"));
	}

	private static Message withExtension(Message message, String namespace) {
		message.addChildElement("x", namespace);
		return message;
	}

	private static @Nullable String handlerFor(HandlerRegistry registry, Message message) {
		Route route = registry.lookup(message);
		return (route != null) ? route.handler().method().getName() : null;
	}

	static class Handlers {

		@OnMessage(type = MessageType.HEADLINE, extension = EVENT)
		void events(Message message) {
		}

		@OnMessage
		void any(Message message) {
		}

	}

	static class PatternAndExtension {

		@OnMessage(body = "!go", extension = "urn:x")
		void both(Message message) {
		}

	}

	static class TwoExtensions {

		@OnMessage(extension = "urn:a")
		void a(Message message) {
		}

		@OnMessage(extension = "urn:b")
		void b(Message message) {
		}

	}

	static class SameExtensionTwice {

		@OnMessage(extension = "urn:a")
		void a(Message message) {
		}

		@OnMessage(extension = "urn:a")
		void b(Message message) {
		}

	}

}
