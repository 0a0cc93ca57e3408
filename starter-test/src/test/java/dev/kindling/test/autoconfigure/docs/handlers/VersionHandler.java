package dev.kindling.test.autoconfigure.docs.handlers;

// tag::version[]
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;

import dev.kindling.handler.Match;
import dev.kindling.handler.MessageType;
import dev.kindling.handler.OnMessage;
import dev.kindling.template.XmppTemplate;

// end::version[]
class VersionHandler {

	// tag::version[]
	@OnMessage(type = MessageType.CHAT, body = "!version (?<who>\\S+)")
	CompletableFuture<String> version(@Match("who") JID who, XmppTemplate xmpp) {
		IQ query = new IQ(IQ.Type.get);
		query.setTo(who);
		query.setChildElement("query", "jabber:iq:version");
		return xmpp.request(query, Duration.ofSeconds(5))        // returned, not joined: see "Ordering"
			.thenApply(result -> who + " runs " + result.getChildElement().elementText("name"));
	}
	// end::version[]

}
