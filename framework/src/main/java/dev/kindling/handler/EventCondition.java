package dev.kindling.handler;

import org.jspecify.annotations.Nullable;
import org.xmpp.packet.Packet;

/**
 * The condition of an {@link EventEndpoint}: the module that owns the event chooses the endpoints,
 * so the routing table never sees it and there is nothing to match or rank.
 */
record EventCondition(EventEndpoint endpoint) implements StanzaCondition {

	@Override
	public @Nullable Object match(Packet stanza) {
		return MATCHED;
	}

	@Override
	public StanzaKind kind() {
		return this.endpoint.kind();
	}

	@Override
	public int specificity() {
		return 0;
	}

	@Override
	public boolean overlaps(StanzaCondition other) {
		return false;
	}

	@Override
	public String toString() {
		return this.endpoint.mapping();
	}

}
