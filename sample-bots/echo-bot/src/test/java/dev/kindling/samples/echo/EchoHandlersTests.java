package dev.kindling.samples.echo;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.xmpp.packet.IQ;
import org.xmpp.packet.Message;
import org.xmpp.packet.PacketError.Condition;

import dev.kindling.disco.DiscoHandlers;
import dev.kindling.test.Stanzas;
import dev.kindling.test.XmppTestHarness;
import dev.kindling.test.autoconfigure.XmppComponentTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The echo bot without a server: its handlers and Kindling's built-in answers, through the same
 * dispatch as in production. {@link EchoBotIT} runs the same bot against a real Prosody.
 */
@XmppComponentTest
class EchoHandlersTests {

	private static final String ALICE = "alice@localhost/phone";

	private static final Pattern ROLLED = Pattern.compile("rolled (\\d+) \\(d(\\d+)\\)");

	@Autowired
	XmppTestHarness harness;

	@Test
	void echoesChatKeepingIdAndBody() {
		Message hello = Stanzas.chat(ALICE, "echo@bot.test", "Hello, Kindling");

		assertThat(this.harness.send(hello)).singleMessage()
			.isChat().isTo(ALICE).isFrom("echo@bot.test").hasId(hello.getID()).hasBody("Hello, Kindling");
	}

	@Test
	void rollsWithinTheDiesRange() {
		Set<Integer> seen = new HashSet<>();
		for (int i = 0; i < 60; i++) {
			Message reply = this.harness.send(Stanzas.chat(ALICE, "dice@bot.test", "!roll 6")).messages().get(0);
			Matcher rolled = ROLLED.matcher(reply.getBody());
			assertThat(rolled.matches()).as(reply.getBody()).isTrue();
			assertThat(rolled.group(2)).isEqualTo("6");
			seen.add(Integer.parseInt(rolled.group(1)));
		}
		assertThat(seen).isSubsetOf(1, 2, 3, 4, 5, 6).hasSizeGreaterThan(1);
	}

	@Test
	void refusesADieWithOneSide() {
		assertThat(this.harness.send(Stanzas.chat(ALICE, "dice@bot.test", "!roll 1"))).singleMessage()
			.isChat().isTo(ALICE).hasBody("sides must be greater than or equal to 2");
	}

	@Test
	void answersAWrongRollWithTheUsage() {
		assertThat(this.harness.send(Stanzas.chat(ALICE, "dice@bot.test", "!roll 99999999999"))).singleMessage()
			.hasBody("sides must be a whole number from -2147483648 to 2147483647 (not \"99999999999\")."
					+ " Usage: !roll <sides>");
		assertThat(this.harness.send(Stanzas.chat(ALICE, "dice@bot.test", "!roll"))).singleMessage()
			.hasBody("Missing sides. Usage: !roll <sides>");
	}

	@Test
	void echoesWhatIsNotACommand() {
		assertThat(this.harness.send(Stanzas.chat(ALICE, "dice@bot.test", "!rolling 6"))).singleMessage()
			.hasBody("!rolling 6");
	}

	@Test
	void listsItsCommandsOnHelp() {
		assertThat(this.harness.send(Stanzas.chat(ALICE, "dice@bot.test", "!help"))).singleMessage()
			.hasBody("Commands:\n!help [command…] - Lists the commands, or tells how to use one\n"
					+ "!roll <sides> - Rolls a die");
	}

	@Test
	void answersPing() {
		IQ ping = Stanzas.iqGet(ALICE, "bot.test", "<ping xmlns='urn:xmpp:ping'/>");

		assertThat(this.harness.send(ping)).singleIq().isResult().isTo(ALICE).hasId(ping.getID());
	}

	@Test
	void answersDiscoInfo() {
		IQ info = Stanzas.iqGet(ALICE, "bot.test", "<query xmlns='" + DiscoHandlers.INFO + "'/>");

		IQ result = this.harness.send(info).iqs().get(0);

		assertThat(this.harness.sent()).singleIq().isResult().hasChild("query", DiscoHandlers.INFO);
		assertThat(result.getChildElement().asXML()).contains("urn:xmpp:ping", "jabber:iq:version",
				"kindling-echo-bot");
	}

	@Test
	void answersAnUnknownRequestServiceUnavailable() {
		IQ unknown = Stanzas.iqGet(ALICE, "bot.test", "<query xmlns='urn:example:nothing-here'/>");

		assertThat(this.harness.send(unknown)).singleIq().isError().hasId(unknown.getID())
			.hasErrorCondition(Condition.service_unavailable);
	}

}
