package dev.kindling.test.autoconfigure.docs.echo;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.xmpp.packet.IQ;
import org.xmpp.packet.Message;
import org.xmpp.packet.PacketError.Condition;

import dev.kindling.test.Stanzas;
import dev.kindling.test.XmppTestHarness;
import dev.kindling.test.autoconfigure.XmppComponentTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The echo bot test of docs/testing.md, copied from there verbatim. */
@XmppComponentTest
class EchoBotTests {

	@Autowired
	XmppTestHarness harness;

	@Test
	void echoesChat() {
		Message hello = Stanzas.chat("alice@localhost/phone", "echo@bot.test", "Hello");

		assertThat(harness.send(hello)).singleMessage()
			.isChat().isTo("alice@localhost/phone").isFrom("echo@bot.test")
			.hasId(hello.getID()).hasBody("Hello");
	}

	@Test
	void answersUnknownRequestsServiceUnavailable() {
		IQ query = Stanzas.iqGet("alice@localhost/phone", "bot.test", "<query xmlns='urn:example:unknown'/>");

		assertThat(harness.send(query)).singleIq().isError().hasErrorCondition(Condition.service_unavailable);
	}

}
