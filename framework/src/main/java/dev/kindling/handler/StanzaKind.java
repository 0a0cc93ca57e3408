package dev.kindling.handler;

import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;
import org.xmpp.packet.Presence;

/**
 * The kind of stanza a handler takes. Argument resolvers and return value handlers ask it of the
 * parameter ({@link #of(MethodParameter)}) instead of looking for a mapping annotation, so every
 * endpoint, however it was declared, is bound the same way.
 */
public enum StanzaKind {

	MESSAGE(Message.class), IQ(org.xmpp.packet.IQ.class), PRESENCE(Presence.class);

	private final Class<? extends Packet> stanzaType;

	StanzaKind(Class<? extends Packet> stanzaType) {
		this.stanzaType = stanzaType;
	}

	/** Tinder's class for stanzas of this kind. */
	public Class<? extends Packet> stanzaType() {
		return this.stanzaType;
	}

	/**
	 * The kind of stanza the handler that owns this parameter (or return type) takes; {@code null}
	 * for a parameter of a method that is not a Kindling handler.
	 */
	public static @Nullable StanzaKind of(MethodParameter parameter) {
		return (parameter instanceof HandlerParameter handlerParameter) ? handlerParameter.kind() : null;
	}

	/** Whether the parameter belongs to a handler of this kind. */
	public boolean owns(MethodParameter parameter) {
		return of(parameter) == this;
	}

	static StanzaKind of(Packet stanza) {
		if (stanza instanceof org.xmpp.packet.IQ) {
			return IQ;
		}
		return (stanza instanceof Presence) ? PRESENCE : MESSAGE;
	}

}
