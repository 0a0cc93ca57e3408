package dev.kindling.handler;

import java.util.ArrayList;
import java.util.List;

import dev.kindling.observe.StanzaObserver;
import org.junit.jupiter.api.Test;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;

import dev.kindling.routing.StanzaRouter;
import dev.kindling.testsupport.CapturingXmppTemplate;
import dev.kindling.testsupport.Stanzas;
import dev.kindling.testsupport.TestRouting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CommandTests {

	private static final String USER = "alice@example.com/phone";

	private static final String BOT = "dice.example.com";

	private static final String ROOM = "lobby@conference.example.com";

	private final CapturingXmppTemplate template = new CapturingXmppTemplate(BOT);

	@Test
	void typedArgumentsAreParsedFromTheRestOfTheBody() {
		Dice dice = new Dice();

		say(router(dice), "!roll 3 6");
		say(router(dice), "!ROLL 2");

		assertThat(dice.rolls).containsExactly("3d6", "2d6");
		assertThat(replies()).containsExactly("rolled 3d6", "rolled 2d6");
	}

	@Test
	void aStringLastArgumentTakesTheRestOfTheLineAndQuotesGroupWords() {
		Dice dice = new Dice();

		say(router(dice), "!note  \"two words\"   the rest   of it ");

		assertThat(replies()).containsExactly("two words: the rest   of it");
	}

	@Test
	void aWrongArgumentIsAnsweredInTheChatWithTheExpectedFormAndTheUsage() {
		Dice dice = new Dice();

		say(router(dice), "!roll 99999999999 6");

		assertThat(dice.rolls).isEmpty();
		assertThat(replies()).containsExactly("count must be a whole number from -2147483648 to 2147483647"
				+ " (not \"99999999999\"). Usage: !roll <count> [sides]");
	}

	@Test
	void missingAndExtraArgumentsAreAnsweredWithTheUsage() {
		StanzaRouter router = router(new Dice());

		say(router, "!note onlyone");
		say(router, "!roll 1 2 3");

		assertThat(replies()).containsExactly("Missing text. Usage: !note <label> <text…>",
				"!roll takes at most 2 arguments. Usage: !roll <count> [sides]");
	}

	@Test
	void inARoomTheUsageIsAddressedToTheOccupant() {
		router(new Dice()).route(Stanzas.message(Message.Type.groupchat, ROOM + "/bob", BOT, "!roll many"));

		Message answer = (Message) this.template.single();
		assertThat(answer.getType()).isEqualTo(Message.Type.groupchat);
		assertThat(answer.getTo().toString()).isEqualTo(ROOM);
		assertThat(answer.getBody()).startsWith("bob: count must be a whole number");
	}

	@Test
	void aSyntaxPatternBindsItsGroupsToTheArguments() {
		Dice dice = new Dice();
		StanzaRouter router = router(dice);

		say(router, "!dice 2d20");
		say(router, "!dice 99999999999d6");
		say(router, "!dice lots");

		assertThat(dice.rolls).containsExactly("2d20");
		assertThat(replies()).containsExactly("rolled 2d20",
				"count must be a whole number from -2147483648 to 2147483647 (not \"99999999999\"). Usage: !dice <count>d<sides>",
				"Usage: !dice <count>d<sides>");
	}

	@Test
	void aCommandOutranksAPlainHandlerAndAWordThatOnlyStartsWithItsName() {
		StanzaRouter router = router(new Dice(), new Echo());

		say(router, "!roll 1");
		say(router, "!rolling");
		say(router, "hello");

		assertThat(replies()).containsExactly("rolled 1d6", "echo: !rolling", "echo: hello");
	}

	@Test
	void helpIsGeneratedFromTheCommandsThatTheConversationCanUse() {
		StanzaRouter router = router(new Dice(), new RoomOnly());

		say(router, "!help");
		say(router, "!help roll");
		say(router, "!help !dice");
		say(router, "!help nope");

		assertThat(replies()).containsExactly("""
				Commands:
				!dice <count>d<sides> - Rolls dice written as 2d6
				!help [command…] - Lists the commands, or tells how to use one
				!note <label> <text…> - Takes a note
				!roll <count> [sides] - Rolls dice""", """
				!roll <count> [sides]
				Rolls dice
				  count: how many dice, a whole number from -2147483648 to 2147483647
				  sides: a whole number from -2147483648 to 2147483647, 6 if left out""", """
				!dice <count>d<sides>
				Rolls dice written as 2d6
				  count: a whole number from -2147483648 to 2147483647
				  sides: a whole number from -2147483648 to 2147483647""",
				"There is no command 'nope'. !help lists them.");
	}

	@Test
	void anApplicationsOwnHelpCommandReplacesTheGeneratedOne() {
		say(router(new Dice(), new OwnHelp()), "!help");

		assertThat(replies()).containsExactly("my help");
	}

	@Test
	void theDurationAndEnumArgumentsSayWhatTheyTake() {
		say(router(new Timer()), "!remind bob@ loud");
		say(router(new Timer()), "!remind bob@example.com shout");

		assertThat(replies()).containsExactly(
				"who must be an XMPP address such as alice@example.com (not \"bob@\"). Usage: !remind <who> <volume>",
				"volume must be one of quiet, loud (not \"shout\"). Usage: !remind <who> <volume>");
	}

	@Test
	void badDeclarationsFailAtStartupNamingTheMethod() {
		assertThatExceptionOfType(HandlerDefinitionException.class).isThrownBy(() -> TestRouting.registry(new RequiredAfterOptional()))
			.withMessageContaining("RequiredAfterOptional.roll(int, int)")
			.withMessageContaining("the required argument 'count' follows an optional one");
		assertThatExceptionOfType(HandlerDefinitionException.class).isThrownBy(() -> TestRouting.registry(new SyntaxWithoutGroup()))
			.withMessageContaining("the command syntax '(?<n>\\d+)' has the groups [n], but the arguments are [count]");
		assertThatExceptionOfType(HandlerDefinitionException.class).isThrownBy(() -> TestRouting.registry(new BadSyntax()))
			.withMessageContaining("invalid command syntax '(?<n>\\d+'");
		assertThatExceptionOfType(HandlerDefinitionException.class).isThrownBy(() -> TestRouting.registry(new TwoHelps()))
			.withMessageContaining("Ambiguous");
		assertThat(CommandHelp.isWanted(TestRouting.registry(new Echo()).handlers())).as("no commands, no help").isFalse();
	}

	private StanzaRouter router(Object... handlers) {
		HandlerRegistry registry = new HandlerRegistry();
		StanzaHandlerFactory factory = TestRouting.factory();
		HandlerRegistry candidates = new HandlerRegistry();
		TestRouting.register(candidates, factory, handlers);
		List<Object> all = new ArrayList<>(List.of(handlers));
		if (CommandHelp.isWanted(candidates.handlers())) {
			all.add(new CommandHelp(registry));
		}
		TestRouting.register(registry, factory, all.toArray());
		registry.freeze();
		return new StanzaRouter(registry, factory.returnValueHandlers(), this.template,
				new dev.kindling.template.PendingRequests(10, StanzaObserver.NONE), StanzaObserver.NONE, List.of(),
				XmppExceptionHandlers.none());
	}

	private void say(StanzaRouter router, String body) {
		router.route(Stanzas.chat(USER, BOT, body));
	}

	private List<String> replies() {
		return this.template.sent().stream().map((stanza) -> ((Message) stanza).getBody()).toList();
	}

	static class Dice {

		final List<String> rolls = new ArrayList<>();

		@Command(description = "Rolls dice")
		String roll(@Arg(description = "how many dice") int count, @Arg(defaultValue = "6") int sides) {
			this.rolls.add(count + "d" + sides);
			return "rolled " + count + "d" + sides;
		}

		@Command(name = "dice", description = "Rolls dice written as 2d6", syntax = "(?<count>\\d+)d(?<sides>\\d+)")
		String dice(int count, int sides) {
			return roll(count, sides);
		}

		@Command(name = "note", description = "Takes a note")
		String note(String label, String text) {
			return label + ": " + text;
		}

	}

	static class RoomOnly {

		@Command(type = MessageType.GROUPCHAT, description = "Only in rooms")
		String kick(String nick) {
			return nick;
		}

	}

	static class Echo {

		@OnMessage(type = MessageType.CHAT)
		String echo(@Body String body) {
			return "echo: " + body;
		}

	}

	static class OwnHelp {

		@Command
		String help() {
			return "my help";
		}

	}

	static class TwoHelps {

		@Command
		String help() {
			return "one";
		}

		@Command(name = "HELP")
		String other() {
			return "two";
		}

	}

	enum Volume {

		QUIET, LOUD

	}

	static class Timer {

		@Command
		String remind(JID who, Volume volume) {
			return who + " " + volume;
		}

	}

	static class RequiredAfterOptional {

		@Command
		String roll(@Arg(defaultValue = "6") int sides, int count) {
			return "";
		}

	}

	static class SyntaxWithoutGroup {

		@Command(syntax = "(?<n>\\d+)")
		String roll(int count) {
			return "";
		}

	}

	static class BadSyntax {

		@Command(syntax = "(?<n>\\d+")
		String roll(int n) {
			return "";
		}

	}

}
