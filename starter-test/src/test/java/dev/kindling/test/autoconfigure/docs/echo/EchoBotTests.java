package dev.kindling.test.autoconfigure.docs.echo;

// The echo bot test of docs/testing.md: the class, then the method added to it.
// tag::test[]
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.kindling.test.Stanzas;
import dev.kindling.test.XmppTestHarness;
import dev.kindling.test.autoconfigure.XmppComponentTest;

import static org.assertj.core.api.Assertions.assertThat;

// end::test[]
// tag::unknown[]
import org.xmpp.packet.PacketError.Condition;

// end::unknown[]
// tag::test[]
@XmppComponentTest
class EchoBotTests {

	@Autowired
	XmppTestHarness harness;

	@Test
	void echoesChat() {
		var hello = Stanzas.chat("alice@localhost/phone", "echo@bot.test", "Hello");

		assertThat(harness.send(hello)).singleMessage()
			.isChat().isTo("alice@localhost/phone").isFrom("echo@bot.test").hasId(hello.getID()).hasBody("Hello");
	}
	// end::test[]

	// tag::unknown[]
	@Test
	void answersUnknownRequestsServiceUnavailable() {
		var query = Stanzas.iqGet("alice@localhost/phone", "bot.test", "<query xmlns='urn:example:unknown'/>");

		assertThat(harness.send(query)).singleIq().isError().hasErrorCondition(Condition.service_unavailable);
	}
	// end::unknown[]
// tag::test[]
}
// end::test[]
