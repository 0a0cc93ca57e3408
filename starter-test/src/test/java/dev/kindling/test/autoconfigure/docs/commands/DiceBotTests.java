package dev.kindling.test.autoconfigure.docs.commands;

// tag::page[]
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.kindling.test.Stanzas;
import dev.kindling.test.XmppTestHarness;
import dev.kindling.test.autoconfigure.XmppComponentTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The dice bot in the test slice: the same parsing, validation and help as in production. */
@XmppComponentTest
class DiceBotTests {

	@Autowired
	XmppTestHarness harness;

	@Test
	void rollsDice() {
		var roll = Stanzas.chat("alice@localhost/phone", "dice@bot.test", "!roll 3d6");

		assertThat(harness.send(roll).messages().get(0).getBody()).matches("rolled ([3-9]|1[0-8])");
	}

	@Test
	void answersMistakesInTheConversation() {
		assertThat(harness.send(Stanzas.chat("alice@localhost/phone", "dice@bot.test", "!roll 3x6"))).singleMessage()
			.isChat().hasBody("Usage: !roll <count>d<sides>");
		assertThat(harness.send(Stanzas.chat("alice@localhost/phone", "dice@bot.test", "!roll 2d1"))).singleMessage()
			.hasBody("sides must be greater than or equal to 2");
		assertThat(harness.send(Stanzas.chat("alice@localhost/phone", "dice@bot.test", "!flip many"))).singleMessage()
			.hasBody("coins must be a whole number from -2147483648 to 2147483647 (not \"many\"). Usage: !flip [coins]");
	}

	@Test
	void listsTheCommandsOfTheConversation() {
		assertThat(harness.send(Stanzas.chat("alice@localhost/phone", "dice@bot.test", "!help"))).singleMessage()
			.hasBody("""
					Commands:
					!flip [coins] - Flips a coin, or several
					!help [command…] - Lists the commands, or tells how to use one
					!roll <count>d<sides> - Rolls dice written as 2d6""");
		assertThat(harness.send(Stanzas.chat("alice@localhost/phone", "dice@bot.test", "!help flip"))).singleMessage()
			.hasBody("""
					!flip [coins]
					Flips a coin, or several
					  coins: how many coins, a whole number from -2147483648 to 2147483647, 1 if left out""");
	}

}
// end::page[]
