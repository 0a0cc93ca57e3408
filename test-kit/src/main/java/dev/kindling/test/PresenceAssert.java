package dev.kindling.test;

import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.xmpp.packet.Presence;

/**
 * Assertions on a presence the component wrote.
 */
public final class PresenceAssert extends StanzaAssert<PresenceAssert, Presence> {

	PresenceAssert(Presence actual) {
		super(actual, PresenceAssert.class);
	}

	/** Of this type; {@code null} is an available presence. */
	public PresenceAssert hasType(Presence.@Nullable Type type) {
		isNotNull();
		if (this.actual.getType() != type) {
			failWithMessage("Expected a presence of type %s but was %s:%n  %s", (type != null) ? type : "available",
					(this.actual.getType() != null) ? this.actual.getType() : "available", this.actual.toXML());
		}
		return this;
	}

	public PresenceAssert isAvailable() {
		return hasType(null);
	}

	public PresenceAssert isUnavailable() {
		return hasType(Presence.Type.unavailable);
	}

	public PresenceAssert hasStatus(String status) {
		isNotNull();
		if (!Objects.equals(this.actual.getStatus(), status)) {
			failWithMessage("Expected status '%s' but was '%s' in%n  %s", status, this.actual.getStatus(), this.actual.toXML());
		}
		return this;
	}

}
