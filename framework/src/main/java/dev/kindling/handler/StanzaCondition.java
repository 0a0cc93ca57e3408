package dev.kindling.handler;

import java.util.regex.Matcher;

import org.jspecify.annotations.Nullable;
import org.xmpp.packet.Packet;

/**
 * What a handler takes, derived from its annotation. Conditions of one kind rank by specificity;
 * two handlers of equal specificity whose conditions overlap are a startup error.
 */
sealed interface StanzaCondition permits MessageCondition, IqCondition, PresenceCondition, EventCondition {

	/** Returned by {@link #match} for a match that captures nothing. */
	Object MATCHED = new Object();

	/**
	 * Test a stanza of this condition's kind.
	 * @return {@code null} for no match, the body {@link Matcher} when the condition has a body
	 * pattern, {@link #MATCHED} otherwise
	 */
	@Nullable Object match(Packet stanza);

	/** The kind of stanza this condition tests. */
	StanzaKind kind();

	/** Higher wins. */
	int specificity();

	/** Literal characters of a body pattern; among handlers of equal specificity, more wins. */
	default int literalLength() {
		return 0;
	}

	/** Whether some stanza could match both this and {@code other} (which is of the same kind). */
	boolean overlaps(StanzaCondition other);

}
