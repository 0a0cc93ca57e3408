package dev.kindling.test;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.xmpp.packet.IQ;
import org.xmpp.packet.Message;
import org.xmpp.packet.PacketError;
import org.xmpp.packet.PacketError.Condition;
import org.xmpp.packet.Presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The assertions pass on what they claim and fail with the stanzas in the message. */
class SentStanzasAssertTests {

	private final Message reply = Stanzas.chat("echo@bot.test", "Alice@LocalHost/phone", "hi");

	private final IQ request = Stanzas.iqGet("alice@localhost/phone", "bot.test", "<ping xmlns='urn:xmpp:ping'/>");

	@Test
	void passesOnAMatchingMessage() {
		assertThat(new SentStanzas(List.of(this.reply))).hasSize(1).singleMessage().isChat().hasBody("hi")
			.hasBodyMatching("h.").isTo("alice@localhost/phone").isFrom("echo@bot.test").hasId(this.reply.getID());
	}

	@Test
	void failsWithTheStanzasAsXml() {
		SentStanzas sent = new SentStanzas(List.of(this.reply));

		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThat(sent).singleMessage().hasBody("ho"))
			.withMessageContaining("Expected body 'ho' but was 'hi'").withMessageContaining("<body>hi</body>");
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThat(sent).singleIq())
			.withMessageContaining("Expected an IQ").withMessageContaining("<message");
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThat(sent).isEmpty())
			.withMessageContaining("Expected no stanzas");
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThat(sent).singleMessage().isTo("bob@localhost"))
			.withMessageContaining("Expected 'to' to be 'bob@localhost'");
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThat(sent).singleMessage().isGroupchat());
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThat(sent).message(1))
			.withMessageContaining("index 1");
	}

	@Test
	void checksErrorsConditionAndType() {
		IQ error = Stanzas.error(this.request, Condition.service_unavailable);
		SentStanzas sent = new SentStanzas(List.of(error));

		assertThat(sent).singleIq().isError().isTo("alice@localhost/phone").hasErrorCondition(Condition.service_unavailable)
			.hasErrorType(PacketError.Type.cancel);
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(sent).singleIq().hasErrorCondition(Condition.item_not_found))
			.withMessageContaining("Expected error 'item-not-found' but was 'service-unavailable'");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(new SentStanzas(List.of(Stanzas.result(this.request)))).singleIq()
				.hasErrorCondition(Condition.item_not_found))
			.withMessageContaining("Expected an error 'item-not-found'");
	}

	@Test
	void checksIqsAndPresences() {
		IQ result = Stanzas.result(this.request, "<query xmlns='jabber:iq:version'><name>x</name></query>");
		Presence away = Stanzas.unavailable("bot@bot.test", "room@conference.localhost/bot");
		SentStanzas sent = new SentStanzas(List.of(result, away, this.reply));

		assertThat(sent).iq(0).isResult().hasChild("query", "jabber:iq:version");
		assertThat(sent).presence(0).isUnavailable().isTo("room@conference.localhost/bot");
		assertThat(sent).bodies().containsExactly("hi");
		assertThat(sent.requests()).isEmpty();
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(sent).iq(0).hasChild("query", "jabber:iq:last"));
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThat(sent).presence(0).isAvailable())
			.withMessageContaining("Expected a presence of type available but was unavailable");
	}

}
