package dev.kindling.presence;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.xmpp.packet.JID;

/** Subscribers kept in memory: lost at restart, when contacts' clients subscribe again or probe. */
public final class InMemorySubscriberStore implements SubscriberStore {

	private final Map<JID, Set<JID>> subscribers = new ConcurrentHashMap<>();

	@Override
	public boolean add(JID address, JID subscriber) {
		return this.subscribers.computeIfAbsent(address.asBareJID(), (key) -> ConcurrentHashMap.newKeySet())
			.add(subscriber.asBareJID());
	}

	@Override
	public boolean remove(JID address, JID subscriber) {
		Set<JID> set = this.subscribers.get(address.asBareJID());
		return set != null && set.remove(subscriber.asBareJID());
	}

	@Override
	public boolean isSubscribed(JID address, JID subscriber) {
		Set<JID> set = this.subscribers.get(address.asBareJID());
		return set != null && set.contains(subscriber.asBareJID());
	}

	@Override
	public Map<JID, Set<JID>> all() {
		Map<JID, Set<JID>> copy = new LinkedHashMap<>();
		this.subscribers.forEach((address, set) -> copy.put(address, Set.copyOf(set)));
		return copy;
	}

}
