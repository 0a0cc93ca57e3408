package dev.kindling.test.autoconfigure.kit;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.context.event.EventListener;
import org.xmpp.packet.JID;
import org.xmpp.packet.Presence;

import dev.kindling.connection.ComponentConnectedEvent;
import dev.kindling.connection.ComponentDisconnectedEvent;
import dev.kindling.template.XmppTemplate;

/**
 * Joins a room after every connect, the way a room bot must rejoin after a reconnect; no handler
 * methods, so a test lists it explicitly.
 */
class RoomRejoiner {

	static final String OCCUPANT = "lobby@conference.localhost/bot";

	private final XmppTemplate template;

	final List<Boolean> connects = new CopyOnWriteArrayList<>();

	final List<Throwable> losses = new CopyOnWriteArrayList<>();

	RoomRejoiner(XmppTemplate template) {
		this.template = template;
	}

	@EventListener
	void join(ComponentConnectedEvent event) {
		this.connects.add(event.isReconnect());
		Presence join = new Presence();
		join.setFrom(new JID("bot", this.template.componentJid().getDomain(), null));
		join.setTo(new JID(OCCUPANT));
		join.addChildElement("x", "http://jabber.org/protocol/muc");
		this.template.send(join);
	}

	@EventListener
	void lost(ComponentDisconnectedEvent event) {
		if (event.getCause() != null) {
			this.losses.add(event.getCause());
		}
	}

}
