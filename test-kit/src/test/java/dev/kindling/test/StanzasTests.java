package dev.kindling.test;

import org.junit.jupiter.api.Test;
import org.xmpp.packet.IQ;
import org.xmpp.packet.Message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class StanzasTests {

	@Test
	void buildsAddressedStanzasWithIds() {
		Message chat = Stanzas.groupchat("room@conference.localhost/alice", "bot@bot.test", "!ping");
		assertThat(chat.getType()).isEqualTo(Message.Type.groupchat);
		assertThat(chat.getFrom().toString()).isEqualTo("room@conference.localhost/alice");
		assertThat(chat.getID()).startsWith("test-");
		assertThat(Stanzas.chat("a@b", "c@d", "x").getID()).isNotEqualTo(Stanzas.chat("a@b", "c@d", "x").getID());

		IQ set = Stanzas.iqSet("alice@localhost", "bot.test", "<q xmlns='urn:x'><v>1</v></q>");
		assertThat(set.getType()).isEqualTo(IQ.Type.set);
		assertThat(set.getChildElement().getNamespaceURI()).isEqualTo("urn:x");
		assertThat(set.getChildElement().elementText("v")).isEqualTo("1");

		IQ result = Stanzas.result(set);
		assertThat(result.getTo()).isEqualTo(set.getFrom());
		assertThat(result.getFrom()).isEqualTo(set.getTo());
		assertThat(result.getID()).isEqualTo(set.getID());
	}

	@Test
	void refusesXmlThatIsNotWellFormed() {
		assertThatIllegalArgumentException().isThrownBy(() -> Stanzas.iqGet("a@b", "c", "<query xmlns='x'>"))
			.withMessageContaining("Not well-formed XML");
	}

}
