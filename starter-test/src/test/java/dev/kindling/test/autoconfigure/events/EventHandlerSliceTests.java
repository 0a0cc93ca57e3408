package dev.kindling.test.autoconfigure.events;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.xmpp.packet.Message;

import dev.kindling.test.Stanzas;
import dev.kindling.test.XmppTestHarness;
import dev.kindling.test.autoconfigure.XmppComponentTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The slice finds beans whose only handlers are @OnPubSubEvent or @AdHocCommand methods. */
@XmppComponentTest
class EventHandlerSliceTests {

	@Autowired
	XmppTestHarness harness;

	@Autowired
	NewsReader reader;

	@Autowired
	StatusCommand command;

	@Test
	void pubSubEventHandlersAreInTheSlice() {
		Message event = new Message();
		event.setFrom(new org.xmpp.packet.JID("pubsub.localhost"));
		event.setTo(this.harness.componentJid());
		event.getElement().add(Stanzas.xml("<event xmlns='http://jabber.org/protocol/pubsub#event'>"
				+ "<items node='news'><item id='post-1'/></items></event>"));

		this.harness.send(event);

		assertThat(this.reader.items).containsExactly("post-1");
	}

	@Test
	void adHocCommandsAreInTheSlice() {
		var execute = Stanzas.iqSet("alice@localhost/a", "bot.test",
				"<command xmlns='http://jabber.org/protocol/commands' node='status' action='execute'/>");

		assertThat(this.harness.send(execute)).singleIq().isResult().hasChild("command", "http://jabber.org/protocol/commands");
	}

}
