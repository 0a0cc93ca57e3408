package dev.kindling;

import org.jspecify.annotations.Nullable;
import org.xmpp.packet.Packet;

/**
 * A stanza's addresses as the strings the server sent, for the paths every stanza takes.
 *
 * <p>Tinder's {@code getFrom()} and {@code getTo()} serialize their cached JID again on every call
 * to compare it with the attribute; the server has already prepared these addresses (RFC 6120,
 * 8.1.2), so reading the attribute is exact and allocates nothing.
 */
public final class StanzaAddresses {

	private StanzaAddresses() {
	}

	/** The {@code from} address, or {@code null} when there is none. */
	public static @Nullable String from(Packet stanza) {
		return stanza.getElement().attributeValue("from");
	}

	/** The {@code to} address, or {@code null} when there is none. */
	public static @Nullable String to(Packet stanza) {
		return stanza.getElement().attributeValue("to");
	}

	/** The bare JID of the {@code from} address ({@code localpart@domain} or {@code domain}), or {@code null}. */
	public static @Nullable String bareFrom(Packet stanza) {
		return bare(from(stanza));
	}

	/** The JID without its resource; {@code null} stays {@code null}. */
	public static @Nullable String bare(@Nullable String jid) {
		if (jid == null) {
			return null;
		}
		int slash = jid.indexOf('/');
		return (slash < 0) ? jid : jid.substring(0, slash);
	}

}
