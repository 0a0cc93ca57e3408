package dev.kindling.presence;

import java.util.Map;
import java.util.Set;

import org.xmpp.packet.JID;

/**
 * The roster the bot keeps: who is subscribed to which of its addresses. Bare JIDs on both sides.
 * Implement it over a database to keep subscribers across restarts; {@link InMemorySubscriberStore}
 * is the default.
 */
public interface SubscriberStore {

	/** Record that {@code subscriber} sees {@code address}'s presence; returns whether it is new. */
	boolean add(JID address, JID subscriber);

	/** Returns whether the subscription existed. */
	boolean remove(JID address, JID subscriber);

	boolean isSubscribed(JID address, JID subscriber);

	/** Every address with its subscribers. */
	Map<JID, Set<JID>> all();

}
