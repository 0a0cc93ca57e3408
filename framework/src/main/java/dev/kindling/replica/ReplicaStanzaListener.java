package dev.kindling.replica;

import java.time.Duration;

import org.dom4j.Element;
import org.dom4j.Node;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xmpp.packet.IQ;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;
import org.xmpp.packet.Presence;

import dev.kindling.connection.StanzaListener;

/**
 * Sits between the stream and the dispatcher of a balanced replica, on the reader thread: takes
 * probes out of the stream, unwraps forwards from the other replicas (only from the component's
 * own domain, and never forwarding them again), forwards what belongs to another replica, and
 * hands the rest on. Installed only when the domain is balanced, so a single instance pays nothing.
 */
public final class ReplicaStanzaListener implements StanzaListener {

	private static final Logger logger = LoggerFactory.getLogger(ReplicaStanzaListener.class);

	private final Replica replica;

	private final StanzaListener delegate;

	public ReplicaStanzaListener(Replica replica, StanzaListener delegate) {
		this.replica = replica;
		this.delegate = delegate;
	}

	@Override
	public void onStanza(Packet stanza) {
		if (stanza instanceof Message && fromItself(stanza)) {
			return;
		}
		int owner = this.replica.owner(stanza);
		if (owner != Replica.LOCAL) {
			this.replica.forward(stanza, owner);
			return;
		}
		this.delegate.onStanza(stanza);
	}

	/**
	 * A probe or forward: a message from the domain to the same address (the form both have).
	 * @return whether the message was consumed here
	 */
	private boolean fromItself(Packet stanza) {
		Element element = stanza.getElement();
		String from = element.attributeValue("from");
		if (from == null || !from.equals(element.attributeValue("to")) || !this.replica.isOwnDomain(from)) {
			return false;
		}
		if (this.replica.probeReceived(element, from)) {
			return true;
		}
		Element forwarded = element.element(Replica.FORWARDED);
		if (forwarded == null) {
			return false;
		}
		Packet inner = unwrap(forwarded);
		if (inner == null) {
			logger.debug("Dropped a forward from {} without a stanza in it", from);
			return true;
		}
		this.replica.forwardReceived();
		// Handled here whoever it names now: a forwarded stanza is never forwarded again.
		this.delegate.onStanza(inner);
		return true;
	}

	/** The stanza in a {@code <forwarded/>}, without the client namespace, as the reader makes stanzas. */
	static @Nullable Packet unwrap(Element forwarded) {
		for (int i = 0, count = forwarded.nodeCount(); i < count; i++) {
			Node node = forwarded.node(i);
			if (node instanceof Element element) {
				String name = element.getName();
				if (name.equals("message") || name.equals("iq") || name.equals("presence")) {
					return packet(withoutClientNamespace(element));
				}
			}
		}
		return null;
	}

	private static Element withoutClientNamespace(Element element) {
		Element copy = element.createCopy();
		if ("jabber:client".equals(copy.getNamespaceURI())) {
			copy.setQName(org.dom4j.QName.get(copy.getName()));
		}
		org.dom4j.DocumentHelper.createDocument(copy);
		return copy;
	}

	private static Packet packet(Element element) {
		return switch (element.getName()) {
			case "message" -> new Message(element, true);
			case "iq" -> new IQ(element, true);
			default -> new Presence(element, true);
		};
	}

	@Override
	public void open() {
		this.delegate.open();
	}

	@Override
	public void drain(Duration timeout) {
		this.delegate.drain(timeout);
	}

}
