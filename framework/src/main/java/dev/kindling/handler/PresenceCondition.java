package dev.kindling.handler;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.xmpp.packet.Packet;
import org.xmpp.packet.Presence;

/**
 * {@link OnPresence}'s filter: presence types.
 */
record PresenceCondition(Set<PresenceType> types, boolean explicit) implements StanzaCondition {

	static PresenceCondition of(OnPresence annotation) {
		if (annotation.type().length == 0) {
			return new PresenceCondition(EnumSet.complementOf(EnumSet.of(PresenceType.ERROR)), false);
		}
		return new PresenceCondition(EnumSet.copyOf(Arrays.asList(annotation.type())), true);
	}

	@Override
	public @Nullable Object match(Packet stanza) {
		return this.types.contains(PresenceType.of((Presence) stanza)) ? MATCHED : null;
	}

	@Override
	public int specificity() {
		return this.explicit ? 1 : 0;
	}

	@Override
	public boolean overlaps(StanzaCondition other) {
		return !Collections.disjoint(this.types, ((PresenceCondition) other).types);
	}

	@Override
	public StanzaKind kind() {
		return StanzaKind.PRESENCE;
	}

	@Override
	public String toString() {
		return "@OnPresence(type=" + this.types + ")";
	}

}
