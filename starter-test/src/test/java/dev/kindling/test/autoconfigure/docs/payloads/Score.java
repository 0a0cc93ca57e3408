package dev.kindling.test.autoconfigure.docs.payloads;

// tag::payload[]
import org.springframework.stereotype.Component;
import org.xmpp.packet.JID;
import tools.jackson.dataformat.xml.annotation.JacksonXmlProperty;

import dev.kindling.handler.From;
import dev.kindling.handler.IqType;
import dev.kindling.handler.OnIq;
import dev.kindling.payload.XmppPayload;

@XmppPayload(namespace = "urn:example:score", element = "score")
record Score(@JacksonXmlProperty(isAttribute = true) int round, int points, String player) {
}

@Component
class Referee {

	@OnIq(namespace = "urn:example:score", type = IqType.SET)
	Score report(Score reported, @From JID player) {          // the IQ's child, bound
		return new Score(reported.round(), reported.points() + 1, player.toBareJID()); // the result's child
	}

}
// end::payload[]
