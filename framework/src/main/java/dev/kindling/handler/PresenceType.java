package dev.kindling.handler;

import org.xmpp.packet.Presence;

/**
 * Presence types (RFC 6121 §4.7.1), for {@link OnPresence#type()}; {@code AVAILABLE} is the
 * presence without a type attribute.
 */
public enum PresenceType {

	AVAILABLE, UNAVAILABLE, SUBSCRIBE, SUBSCRIBED, UNSUBSCRIBE, UNSUBSCRIBED, PROBE, ERROR;

	static PresenceType of(Presence presence) {
		Presence.Type type = presence.getType();
		if (type == null) {
			return AVAILABLE;
		}
		return switch (type) {
			case unavailable -> UNAVAILABLE;
			case subscribe -> SUBSCRIBE;
			case subscribed -> SUBSCRIBED;
			case unsubscribe -> UNSUBSCRIBE;
			case unsubscribed -> UNSUBSCRIBED;
			case probe -> PROBE;
			case error -> ERROR;
		};
	}

}
