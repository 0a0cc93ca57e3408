package dev.kindling;

import java.util.Locale;

import org.xmpp.packet.PacketError;

/**
 * What the sender of a failed stanza may do about a stanza error (RFC 6120 §8.3.2), named the
 * Kindling way; {@link #toTinder()} and {@link #of(PacketError.Type)} convert to and from Tinder's
 * lower-case constants.
 */
public enum ErrorType {

	/** Do not retry: the error cannot be remedied. */
	CANCEL(PacketError.Type.cancel),

	/** Retry after changing the data sent. */
	MODIFY(PacketError.Type.modify),

	/** Retry after providing credentials. */
	AUTH(PacketError.Type.auth),

	/** Retry after waiting: the error is temporary. */
	WAIT(PacketError.Type.wait),

	/** Proceed: the condition was only a warning. */
	CONTINUE(PacketError.Type.continue_processing);

	private final PacketError.Type tinder;

	ErrorType(PacketError.Type tinder) {
		this.tinder = tinder;
	}

	/** The value of the {@code type} attribute, such as {@code cancel}. */
	public String toXmpp() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** Tinder's constant, for code that builds its own {@link PacketError}. */
	public PacketError.Type toTinder() {
		return this.tinder;
	}

	public static ErrorType of(PacketError.Type type) {
		return switch (type) {
			case cancel -> CANCEL;
			case modify -> MODIFY;
			case auth -> AUTH;
			case wait -> WAIT;
			case continue_processing -> CONTINUE;
		};
	}

}
