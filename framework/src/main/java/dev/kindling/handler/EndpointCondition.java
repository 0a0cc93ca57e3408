package dev.kindling.handler;

import org.jspecify.annotations.Nullable;
import org.xmpp.packet.Packet;

/**
 * The condition of an endpoint a module calls itself ({@link EndpointMapping}): it takes no
 * stanza from the routing table, which refuses it.
 */
record EndpointCondition(EndpointMapping mapping) implements StanzaCondition {

	@Override
	public @Nullable Object match(Packet stanza) {
		return null;
	}

	@Override
	public StanzaKind kind() {
		return this.mapping.kind();
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
		return this.mapping.description();
	}

}
