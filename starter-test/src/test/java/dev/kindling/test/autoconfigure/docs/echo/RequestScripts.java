package dev.kindling.test.autoconfigure.docs.echo;

// tag::scripts[]
import org.xmpp.packet.PacketError.Condition;

import dev.kindling.test.IqMatchers;
import dev.kindling.test.Stanzas;

// end::scripts[]
// tag::by-hand[]
import org.xmpp.packet.IQ;

import dev.kindling.test.IqMatchers;
import dev.kindling.test.Stanzas;

// end::by-hand[]
import dev.kindling.test.XmppTestHarness;

/** The request scripts of docs/testing.md, compiled. */
class RequestScripts {

	void scripts(XmppTestHarness harness) {
		// tag::scripts[]
		harness.whenRequest("pubsub.localhost", "http://jabber.org/protocol/disco#info")
			.thenResult("<query xmlns='http://jabber.org/protocol/disco#info'><feature var='x'/></query>");
		harness.whenRequest(IqMatchers.to("muc.localhost")).thenError(Condition.item_not_found);
		harness.whenRequest(IqMatchers.namespace("urn:example:slow")).thenNoAnswer();
		harness.whenRequest(IqMatchers.any()).thenAnswer(request -> Stanzas.result(request));
		// end::scripts[]
	}

	void byHand(XmppTestHarness harness, String alice) {
		// tag::by-hand[]
		harness.sendNoWait(Stanzas.chat(alice, "bot.test", "!features pubsub.localhost"));
		IQ request = harness.awaitRequest(IqMatchers.to("pubsub.localhost"));
		harness.send(Stanzas.result(request, "<query xmlns='http://jabber.org/protocol/disco#info'/>"));
		// end::by-hand[]
	}

}
