package dev.kindling.muc;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/** A user's lasting relation to a room, kept across visits. */
public enum Affiliation {

	OWNER, ADMIN, MEMBER, OUTCAST, NONE;

	public String toXmpp() {
		return name().toLowerCase(Locale.ROOT);
	}

	static Affiliation of(@Nullable String value) {
		return Muc.constant(Affiliation.class, value, NONE);
	}

}
