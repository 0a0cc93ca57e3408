package dev.kindling.pubsub;

import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.xmpp.packet.JID;

/**
 * A subscription to a node.
 *
 * @param node the node
 * @param jid the subscribed address
 * @param state its state
 * @param subscriptionId the service's id for it, if the service uses ids
 */
public record Subscription(String node, JID jid, State state, @Nullable String subscriptionId) {

	/** XEP-0060 subscription states. */
	public enum State {

		NONE, PENDING, UNCONFIGURED, SUBSCRIBED;

		public String toXmpp() {
			return name().toLowerCase(Locale.ROOT);
		}

		static State of(@Nullable String value) {
			return (value != null) ? valueOf(value.toUpperCase(Locale.ROOT)) : NONE;
		}

	}

}
