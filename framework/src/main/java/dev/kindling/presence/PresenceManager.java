package dev.kindling.presence;

import java.util.Map;
import java.util.Set;

import org.dom4j.QName;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;
import org.xmpp.packet.Presence;

import dev.kindling.StanzaNotSentException;
import dev.kindling.connection.ComponentConnectedEvent;
import dev.kindling.routing.RoutingInterceptor;
import dev.kindling.template.XmppTemplate;

/**
 * Presence for the component's addresses (RFC 6121): answers subscription requests per
 * {@link SubscriptionPolicy} and keeps the subscribers in a {@link SubscriberStore}; answers
 * probes with the bot's presence (a probe from an unknown contact is decided by the policy, so an
 * in-memory store recovers after a restart); tells every subscriber
 * the bot is available at each connect and unavailable at shutdown; answers receipt requests
 * (XEP-0184). Subscription stanzas and probes never reach handlers; available and unavailable
 * presences of contacts do.
 */
public final class PresenceManager implements RoutingInterceptor, ApplicationListener<ApplicationEvent> {

	private static final Logger logger = LoggerFactory.getLogger(PresenceManager.class);

	static final String RECEIPTS = "urn:xmpp:receipts";

	// Resolved once: every message is checked for it (QName.get is a cache lookup).
	private static final QName RECEIPT_REQUEST = QName.get("request", RECEIPTS);

	private final XmppTemplate template;

	private final SubscriberStore store;

	private final PresenceSettings settings;

	private final @Nullable SubscriptionApprover approver;

	private final Object context;

	private volatile boolean connected;

	/**
	 * @param context the application context this bean lives in, whose closing (not a child's)
	 * sends the unavailable presences
	 */
	public PresenceManager(XmppTemplate template, SubscriberStore store, PresenceSettings settings,
			@Nullable SubscriptionApprover approver, Object context) {
		this.template = template;
		this.store = store;
		this.settings = settings;
		this.approver = approver;
		this.context = context;
	}

	public SubscriberStore store() {
		return this.store;
	}

	@Override
	public boolean preRoute(Packet stanza) {
		if (stanza instanceof Message message) {
			receipt(message);
			return true;
		}
		if (!(stanza instanceof Presence presence) || presence.getFrom() == null || presence.getTo() == null
				|| presence.getType() == null) {
			return true;
		}
		JID address = presence.getTo().asBareJID();
		JID contact = presence.getFrom().asBareJID();
		switch (presence.getType()) {
			case subscribe:
				subscribe(address, contact);
				return false;
			case unsubscribe:
				this.store.remove(address, contact);
				send(Presence.Type.unsubscribed, address, contact);
				return false;
			case probe:
				if (this.store.isSubscribed(address, contact)) {
					sendPresence(address, presence.getFrom(), true);
				}
				else if (approves(address, contact)) {
					// The server says a subscription exists that the store does not know (an in-memory
					// store after a restart): the policy would grant it anyway, so it is kept.
					this.store.add(address, contact);
					sendPresence(address, presence.getFrom(), true);
				}
				else {
					send(Presence.Type.unsubscribed, address, contact);
				}
				return false;
			case subscribed:
			case unsubscribed:
				return false;
			default:
				return true;
		}
	}

	private boolean approves(JID address, JID contact) {
		return switch (this.settings.policy()) {
			case ACCEPT -> true;
			case REJECT -> false;
			case ASK -> this.approver != null && this.approver.approve(address, contact);
		};
	}

	private void subscribe(JID address, JID contact) {
		if (!approves(address, contact)) {
			logger.debug("Refused {}'s subscription to {}", contact, address);
			send(Presence.Type.unsubscribed, address, contact);
			return;
		}
		this.store.add(address, contact);
		send(Presence.Type.subscribed, address, contact);
		sendPresence(address, contact, true);
	}

	private void receipt(Message message) {
		// The element first: Tinder's getFrom() re-serializes the JID on every call.
		if (!this.settings.receipts() || message.getElement().element(RECEIPT_REQUEST) == null
				|| message.getID() == null || message.getFrom() == null
				|| message.getType() == Message.Type.error || message.getType() == Message.Type.groupchat) {
			return;
		}
		Message received = new Message();
		received.setTo(message.getFrom());
		received.setFrom(message.getTo());
		received.addChildElement("received", RECEIPTS).addAttribute("id", message.getID());
		trySend(received);
	}

	@Override
	public void onApplicationEvent(ApplicationEvent event) {
		if (event instanceof ComponentConnectedEvent) {
			this.connected = true;
			broadcast(true);
		}
		else if (event instanceof dev.kindling.connection.ComponentDisconnectedEvent) {
			this.connected = false;
		}
		else if (event instanceof ContextClosedEvent closed && closed.getApplicationContext() == this.context
				&& this.connected) {
			broadcast(false);
		}
	}

	/** Send the bot's presence (available or unavailable) from every address to its subscribers. */
	public void broadcast(boolean available) {
		for (Map.Entry<JID, Set<JID>> entry : this.store.all().entrySet()) {
			for (JID subscriber : entry.getValue()) {
				sendPresence(entry.getKey(), subscriber, available);
			}
		}
	}

	private void sendPresence(JID address, JID to, boolean available) {
		Presence presence = available ? new Presence() : new Presence(Presence.Type.unavailable);
		presence.setFrom(address);
		presence.setTo(to);
		if (available && this.settings.status() != null) {
			presence.setStatus(this.settings.status());
		}
		trySend(presence);
	}

	private void send(Presence.Type type, JID from, JID to) {
		Presence presence = new Presence(type);
		presence.setFrom(from);
		presence.setTo(to);
		trySend(presence);
	}

	private void trySend(Packet stanza) {
		try {
			this.template.send(stanza);
		}
		catch (StanzaNotSentException ex) {
			logger.debug("Could not send {}: {}", stanza.toXML(), ex.getMessage());
		}
	}

}
