package dev.kindling.muc;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/** An occupant's role in a room: what it may do while it is there. */
public enum Role {

	MODERATOR, PARTICIPANT, VISITOR, NONE;

	public String toXmpp() {
		return name().toLowerCase(Locale.ROOT);
	}

	static Role of(@Nullable String value) {
		return Muc.constant(Role.class, value, NONE);
	}

}
