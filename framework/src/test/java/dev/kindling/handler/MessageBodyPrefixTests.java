package dev.kindling.handler;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.xmpp.packet.Message;

import dev.kindling.handler.HandlerRegistry.Route;
import dev.kindling.testsupport.Stanzas;
import dev.kindling.testsupport.TestRouting;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A body pattern's literal start turns bodies down before any {@code Matcher} is made; it never
 * changes which handler a body goes to, nor what the pattern captures.
 */
class MessageBodyPrefixTests {

	private static final String FROM = "someone@example.com/phone";

	private static final String BOT = "bot.example.com";

	@Test
	void literalPrefixIsTheTextEveryMatchingBodyStartsWith() {
		assertThat(MessageCondition.literalPrefix("!roll (?<sides>\\d{1,6})")).isEqualTo("!roll ");
		assertThat(MessageCondition.literalPrefix("!ping")).isEqualTo("!ping");
		assertThat(MessageCondition.literalPrefix("post (?<text>.+)")).isEqualTo("post ");
		assertThat(MessageCondition.literalPrefix("ab+c")).as("b at least once").isEqualTo("ab");
	}

	@Test
	void quantifiedOrAlternativeStartsHaveNoPrefix() {
		assertThat(MessageCondition.literalPrefix("colou?r")).as("u is optional").isEqualTo("colo");
		assertThat(MessageCondition.literalPrefix("ab*c")).isEqualTo("a");
		assertThat(MessageCondition.literalPrefix("ab{0,2}c")).isEqualTo("a");
		assertThat(MessageCondition.literalPrefix("a?b")).isEmpty();
		assertThat(MessageCondition.literalPrefix("!help|help")).as("alternation anywhere").isEmpty();
		assertThat(MessageCondition.literalPrefix("!cmd (a)|other")).isEmpty();
		assertThat(MessageCondition.literalPrefix("(?i)!ping")).as("inline flags").isEmpty();
		assertThat(MessageCondition.literalPrefix("\\!ping")).as("escapes").isEmpty();
		assertThat(MessageCondition.literalPrefix("^go")).isEmpty();
		assertThat(MessageCondition.literalPrefix(".*")).isEmpty();
		assertThat(MessageCondition.literalPrefix("")).isEmpty();
	}

	@Test
	void routingIsTheSameWithThePrefixCheck() {
		HandlerRegistry registry = TestRouting.registry(new Commands());

		assertThat(handlerFor(registry, "!roll 6")).isEqualTo("roll");
		assertThat(registry.lookup(Stanzas.chat(FROM, BOT, "!roll 6")).bodyMatch().group("sides")).isEqualTo("6");
		assertThat(handlerFor(registry, "!roll six")).as("prefix matches, pattern does not").isEqualTo("any");
		assertThat(handlerFor(registry, "!rol 6")).isEqualTo("any");
		assertThat(handlerFor(registry, "colour")).isEqualTo("colour");
		assertThat(handlerFor(registry, "color")).isEqualTo("colour");
		assertThat(handlerFor(registry, "help")).isEqualTo("help");
		assertThat(handlerFor(registry, "!help")).isEqualTo("help");
		assertThat(handlerFor(registry, "hello")).isEqualTo("any");
	}

	private static @Nullable String handlerFor(HandlerRegistry registry, String body) {
		Route route = registry.lookup(Stanzas.chat(FROM, BOT, body));
		return (route != null) ? route.handler().method().getName() : null;
	}

	static class Commands {

		@OnMessage(type = MessageType.CHAT, body = "!roll (?<sides>\\d{1,6})")
		void roll(Message message) {
		}

		@OnMessage(type = MessageType.CHAT, body = "colou?r")
		void colour(Message message) {
		}

		@OnMessage(type = MessageType.CHAT, body = "!help|help")
		void help(Message message) {
		}

		@OnMessage(type = MessageType.CHAT)
		void any(Message message) {
		}

	}

}
