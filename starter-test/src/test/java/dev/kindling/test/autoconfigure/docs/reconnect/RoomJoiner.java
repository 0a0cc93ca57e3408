package dev.kindling.test.autoconfigure.docs.reconnect;

import org.springframework.context.event.EventListener;
import org.xmpp.packet.JID;
import org.xmpp.packet.Presence;

import dev.kindling.connection.ComponentConnectedEvent;
import dev.kindling.template.XmppTemplate;

/** Joins a room by hand after every connect (the MUC support does this for configured rooms). */
class RoomJoiner {

	private final XmppTemplate xmpp;

	RoomJoiner(XmppTemplate xmpp) {
		this.xmpp = xmpp;
	}

	@EventListener
	void join(ComponentConnectedEvent event) {
		Presence join = new Presence();
		join.setFrom(new JID("bot", xmpp.componentJid().getDomain(), null));
		join.setTo(new JID("lobby@conference.localhost/bot"));
		join.addChildElement("x", "http://jabber.org/protocol/muc");
		xmpp.send(join);
	}

}
