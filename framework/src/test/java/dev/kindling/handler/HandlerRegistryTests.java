package dev.kindling.handler;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.core.annotation.Order;
import org.xmpp.packet.IQ;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;
import org.xmpp.packet.Presence;

import dev.kindling.handler.HandlerRegistry.Route;
import dev.kindling.testsupport.Stanzas;
import dev.kindling.testsupport.TestRouting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class HandlerRegistryTests {

	private static final String USER = "alice@example.com/phone";

	private static final String BOT = "bot.example.com";

	@Test
	void aToFilterOutranksABodyPatternWhichOutranksATypeFilter() {
		HandlerRegistry registry = TestRouting.registry(new Ranked());

		assertThat(handlerFor(registry, Stanzas.chat(USER, "support@" + BOT, "hello there"))).isEqualTo("support");
		assertThat(handlerFor(registry, Stanzas.chat(USER, "sales@" + BOT, "hello there"))).isEqualTo("greeting");
		assertThat(handlerFor(registry, Stanzas.chat(USER, "sales@" + BOT, "goodbye"))).isEqualTo("chat");
		assertThat(handlerFor(registry, Stanzas.message(Message.Type.normal, USER, "sales@" + BOT, "goodbye")))
			.as("no handler takes a normal message without the greeting").isNull();
		assertThat(handlerFor(registry, Stanzas.message(Message.Type.normal, USER, "sales@" + BOT, "hello")))
			.isEqualTo("greeting");
	}

	@Test
	void aBodyPatternHandlerBeatsAPlainHandlerOnlyForMatchingBodies() {
		HandlerRegistry registry = TestRouting.registry(new PatternAndPlain());

		assertThat(handlerFor(registry, Stanzas.chat(USER, BOT, "!roll 6"))).isEqualTo("roll");
		assertThat(handlerFor(registry, Stanzas.chat(USER, BOT, "!roll six"))).isEqualTo("any");
		assertThat(handlerFor(registry, Stanzas.chat(USER, BOT, "say !roll 6"))).as("the pattern must match the whole body")
			.isEqualTo("any");
	}

	@Test
	void messagesWithoutBodyAreNotRouted() {
		HandlerRegistry registry = TestRouting.registry(new PatternAndPlain());

		assertThat(registry.lookup(Stanzas.chat(USER, BOT, null))).isNull();
		assertThat(registry.lookup(Stanzas.message(Message.Type.groupchat, "room@conference.example.com/nick", BOT, null)))
			.isNull();
	}

	@Test
	void errorMessagesReachOnlyHandlersThatDeclareError() {
		Message error = Stanzas.message(Message.Type.error, USER, BOT, "delivery failed");

		assertThat(registry(new PatternAndPlain()).lookup(error)).isNull();
		assertThat(handlerFor(registry(new PlainAndErrors()), error)).isEqualTo("errors");
		assertThat(handlerFor(registry(new PlainAndErrors()), Stanzas.chat(USER, BOT, "hi"))).isEqualTo("any");
	}

	@Test
	void routesIqsByNamespaceElementAndType() {
		HandlerRegistry registry = TestRouting.registry(new IqHandlers());

		assertThat(handlerFor(registry, Stanzas.iq(IQ.Type.get, USER, BOT, "score", "urn:example:game")))
			.isEqualTo("getScore");
		assertThat(handlerFor(registry, Stanzas.iq(IQ.Type.set, USER, BOT, "score", "urn:example:game")))
			.isEqualTo("setScore");
		assertThat(handlerFor(registry, Stanzas.iq(IQ.Type.get, USER, BOT, "board", "urn:example:game")))
			.as("another element of the namespace").isEqualTo("anyGame");
		assertThat(handlerFor(registry, Stanzas.iq(IQ.Type.set, USER, BOT, "anything", "urn:example:other")))
			.isEqualTo("other");
		assertThat(registry.lookup(Stanzas.iq(IQ.Type.get, USER, BOT, "score", "urn:example:unknown"))).isNull();
		assertThat(registry.lookup(Stanzas.iq(IQ.Type.get, USER, BOT, "other", "urn:example:strict"))).isNull();
		assertThat(registry.lookup(Stanzas.iq(IQ.Type.set, USER, BOT, "query", "urn:example:strict")))
			.as("a set to a get-only handler").isNull();
		IQ childless = new IQ(IQ.Type.get);
		childless.setFrom(USER);
		childless.setTo(BOT);
		assertThat(registry.lookup(childless)).isNull();
		assertThat(registry.iqNamespaces()).containsExactlyInAnyOrder("urn:example:game", "urn:example:other",
				"urn:example:strict");
	}

	@Test
	void routesPresencesByType() {
		HandlerRegistry registry = TestRouting.registry(new PresenceHandlers());

		assertThat(handlerFor(registry, Stanzas.presence(Presence.Type.subscribe, USER, BOT))).isEqualTo("subscribe");
		assertThat(handlerFor(registry, Stanzas.presence(null, USER, BOT))).isEqualTo("others");
		assertThat(handlerFor(registry, Stanzas.presence(Presence.Type.unavailable, USER, BOT))).isEqualTo("others");
		assertThat(registry.lookup(Stanzas.presence(Presence.Type.error, USER, BOT))).isNull();
	}

	@Test
	void twoHandlersForTheSameIqNamespaceAndTypeFailNamingBoth() {
		assertThatExceptionOfType(HandlerDefinitionException.class).isThrownBy(() -> registry(new SameIq()))
			.withMessageContaining("SameIq.first(IQ)")
			.withMessageContaining("SameIq.second(IQ)");
	}

	@Test
	void twoHandlersWithIdenticalMessageConditionsFailNamingBoth() {
		assertThatExceptionOfType(HandlerDefinitionException.class).isThrownBy(() -> registry(new SameMessage()))
			.withMessageContaining("SameMessage.first(String)")
			.withMessageContaining("SameMessage.second(String)");
	}

	@Test
	void twoPresenceHandlersWithOverlappingTypesFailNamingBoth() {
		assertThatExceptionOfType(HandlerDefinitionException.class).isThrownBy(() -> registry(new OverlappingPresence()))
			.withMessageContaining("OverlappingPresence.comings(Presence)")
			.withMessageContaining("OverlappingPresence.goings(Presence)");
	}

	@Test
	void handlersThatCannotTakeTheSameStanzaAreNotAmbiguous() {
		HandlerRegistry registry = registry(new Disjoint());

		assertThat(handlerFor(registry, Stanzas.chat(USER, "a@" + BOT, "x"))).isEqualTo("toA");
		assertThat(handlerFor(registry, Stanzas.chat(USER, "b@" + BOT, "x"))).isEqualTo("toB");
		assertThat(handlerFor(registry, Stanzas.message(Message.Type.headline, USER, BOT, "x"))).isEqualTo("headlines");
		assertThat(handlerFor(registry, Stanzas.iq(IQ.Type.get, USER, BOT, "q", "urn:example:x"))).isEqualTo("get");
		assertThat(handlerFor(registry, Stanzas.iq(IQ.Type.set, USER, BOT, "q", "urn:example:x"))).isEqualTo("set");
	}

	@Test
	void ofTwoPatternsThatBothMatchTheOneWithMoreLiteralTextWins() {
		HandlerRegistry registry = registry(new OverlappingPatterns());

		assertThat(handlerFor(registry, Stanzas.chat(USER, BOT, "!roll"))).isEqualTo("commands");
		assertThat(handlerFor(registry, Stanzas.chat(USER, BOT, "help me"))).isEqualTo("help");
		assertThat(handlerFor(registry, Stanzas.chat(USER, BOT, "!help me"))).as("'help' has 4 literal characters, '!' 1")
			.isEqualTo("help");
	}

	@Test
	void aSpecificPatternBeatsItsUsageFallback() {
		HandlerRegistry registry = registry(new RollWithUsage());

		assertThat(handlerFor(registry, Stanzas.chat(USER, BOT, "!roll 2d6"))).isEqualTo("roll");
		assertThat(handlerFor(registry, Stanzas.chat(USER, BOT, "!roll 99999999999d6"))).isEqualTo("roll");
		assertThat(handlerFor(registry, Stanzas.chat(USER, BOT, "!roll lots"))).isEqualTo("usage");
	}

	@Test
	void anExplicitOrderRanksFirst() {
		HandlerRegistry registry = registry(new OrderedFallback());

		assertThat(handlerFor(registry, Stanzas.chat(USER, BOT, "!roll 2d6"))).isEqualTo("first");
	}

	@Test
	void equallyRankedPatternsThatBothMatchGoToTheFirstByName() {
		HandlerRegistry registry = registry(new EquallyRanked());

		assertThat(handlerFor(registry, Stanzas.chat(USER, BOT, "ab"))).isEqualTo("alpha");
		assertThat(handlerFor(registry, Stanzas.chat(USER, BOT, "ay"))).isEqualTo("beta");
	}

	@Test
	void literalCharactersCountOnlyWhatMatchesItself() {
		assertThat(MessageCondition.literalCharacters("!roll (?<n>\\d+)d(?<s>\\d+)")).isEqualTo(7);
		assertThat(MessageCondition.literalCharacters("!roll .*")).isEqualTo(6);
		assertThat(MessageCondition.literalCharacters("colou?r [a-z]+\\.")).isEqualTo(7);
		assertThat(MessageCondition.literalCharacters("\\Q!a.b\\E(?:x|y){2}")).isEqualTo(6);
	}

	@Test
	void aToFilterMatchesRecipientsWhateverTheCaseOfTheAnnotation() {
		// JIDs are normalised to lower case (nodeprep), so "Support" can only mean support@...
		HandlerRegistry registry = registry(new CapitalisedTo());

		assertThat(handlerFor(registry, Stanzas.chat(USER, "Support@" + BOT, "hi"))).isEqualTo("support");
	}

	@Test
	void noHandlerCanBeAddedOnceTheTableIsBuilt() {
		HandlerRegistry registry = registry(new PatternAndPlain());
		HandlerRegistry other = new HandlerRegistry();
		TestRouting.register(other, TestRouting.factory(), new PlainAndErrors());

		assertThatIllegalStateException().isThrownBy(() -> registry.register(other.handlers().get(0)))
			.withMessageContaining("already built");
	}

	@Test
	void aClassLevelOnIqGivesItsMethodsTheirNamespaceAndMetaAnnotationsMap() {
		HandlerRegistry registry = registry(new GameQueries());

		assertThat(handlerFor(registry, Stanzas.iq(IQ.Type.get, USER, BOT, "board", "urn:example:game"))).isEqualTo("board");
		assertThat(handlerFor(registry, Stanzas.iq(IQ.Type.get, USER, BOT, "score", "urn:example:game"))).isEqualTo("score");
		assertThat(handlerFor(registry, Stanzas.iq(IQ.Type.set, USER, BOT, "score", "urn:example:game")))
			.as("the meta-annotation takes get only").isNull();
		assertThat(handlerFor(registry, Stanzas.iq(IQ.Type.get, USER, BOT, "x", "urn:example:other"))).isEqualTo("other");
	}

	private static HandlerRegistry registry(Object handlers) {
		return TestRouting.registry(handlers);
	}

	private static @Nullable String handlerFor(HandlerRegistry registry, Packet stanza) {
		Route route = registry.lookup(stanza);
		return (route != null) ? route.handler().method().getName() : null;
	}

	@Retention(RetentionPolicy.RUNTIME)
	@Target(ElementType.METHOD)
	@OnIq(element = "score", type = IqType.GET)
	@interface ScoreQuery {

	}

	@OnIq(namespace = "urn:example:game")
	static class GameQueries {

		@OnIq(element = "board")
		void board() {
		}

		@ScoreQuery
		void score() {
		}

		@OnIq(namespace = "urn:example:other")
		void other() {
		}

	}

	static class Ranked {

		@OnMessage(to = "support")
		void support() {
		}

		@OnMessage(body = "hello.*")
		void greeting() {
		}

		@OnMessage(type = MessageType.CHAT)
		void chat() {
		}

	}

	static class PatternAndPlain {

		@OnMessage(body = "!roll (?<sides>\\d+)")
		void roll() {
		}

		@OnMessage
		void any() {
		}

	}

	static class PlainAndErrors {

		@OnMessage
		void any() {
		}

		@OnMessage(type = MessageType.ERROR)
		void errors() {
		}

	}

	static class IqHandlers {

		@OnIq(namespace = "urn:example:game", element = "score", type = IqType.GET)
		void getScore() {
		}

		@OnIq(namespace = "urn:example:game", element = "score", type = IqType.SET)
		void setScore() {
		}

		@OnIq(namespace = "urn:example:game")
		void anyGame() {
		}

		@OnIq(namespace = "urn:example:other")
		void other() {
		}

		@OnIq(namespace = "urn:example:strict", element = "query", type = IqType.GET)
		void strict() {
		}

	}

	static class PresenceHandlers {

		@OnPresence(type = PresenceType.SUBSCRIBE)
		void subscribe() {
		}

		@OnPresence
		void others() {
		}

	}

	static class SameIq {

		@OnIq(namespace = "urn:example:game", type = IqType.GET)
		void first(IQ iq) {
		}

		@OnIq(namespace = "urn:example:game", type = IqType.GET)
		void second(IQ iq) {
		}

	}

	static class SameMessage {

		@OnMessage(type = MessageType.CHAT, body = "hi")
		void first(@Body String body) {
		}

		@OnMessage(type = MessageType.CHAT, body = "hi")
		void second(@Body String body) {
		}

	}

	static class OverlappingPresence {

		@OnPresence(type = { PresenceType.AVAILABLE, PresenceType.UNAVAILABLE })
		void comings(Presence presence) {
		}

		@OnPresence(type = { PresenceType.UNAVAILABLE, PresenceType.UNSUBSCRIBE })
		void goings(Presence presence) {
		}

	}

	static class Disjoint {

		@OnMessage(to = "a")
		void toA() {
		}

		@OnMessage(to = "b")
		void toB() {
		}

		@OnMessage(type = MessageType.HEADLINE)
		void headlines() {
		}

		@OnMessage(type = MessageType.CHAT)
		void chats() {
		}

		@OnIq(namespace = "urn:example:x", type = IqType.GET)
		void get() {
		}

		@OnIq(namespace = "urn:example:x", type = IqType.SET)
		void set() {
		}

	}

	static class CapitalisedTo {

		@OnMessage(to = "Support")
		void support() {
		}

	}

	static class RollWithUsage {

		@OnMessage(body = "!roll (?<n>\\d+)d(?<s>\\d+)")
		void roll(@Match("n") String n, @Match("s") String s) {
		}

		@OnMessage(body = "!roll .*")
		void usage() {
		}

	}

	static class OrderedFallback {

		@OnMessage(body = "!roll (?<n>\\d+)d(?<s>\\d+)")
		void specific() {
		}

		@Order(-1)
		@OnMessage(body = "!.*")
		void first() {
		}

	}

	static class EquallyRanked {

		@OnMessage(body = "a.*")
		void beta() {
		}

		@OnMessage(body = ".*b")
		void alpha() {
		}

	}

	static class OverlappingPatterns {

		@OnMessage(body = "!.*")
		void commands(@Body String body) {
		}

		@OnMessage(body = ".*help.*")
		void help(@Body String body) {
		}

	}

}
