package dev.kindling.muc;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.dom4j.Element;
import org.dom4j.QName;
import org.jspecify.annotations.Nullable;
import org.xmpp.packet.JID;
import org.xmpp.packet.Packet;

/** XEP-0045 names and the small parsing helpers the room code shares. */
final class Muc {

	static final String NS = "http://jabber.org/protocol/muc";

	static final String USER = NS + "#user";

	static final String ADMIN = NS + "#admin";

	static final String OWNER = NS + "#owner";

	static final String CONFIG_FORM_TYPE = NS + "#roomconfig";

	static final String DELAY = "urn:xmpp:delay";

	static final String LEGACY_DELAY = "jabber:x:delay";

	static final String DIRECT_INVITE = "jabber:x:conference";

	// Resolved once: every chat message not from a room is checked for both (QName.get is a cache lookup).
	static final QName USER_X = QName.get("x", USER);

	static final QName DIRECT_INVITE_X = QName.get("x", DIRECT_INVITE);

	/** Self-presence. */
	static final int SELF = 110;

	/** The room was created by this join. */
	static final int CREATED = 201;

	/** The room changed the nick the bot asked for. */
	static final int NICK_ASSIGNED = 210;

	static final int NICK_CHANGED = 303;

	static final int BANNED = 301;

	static final int KICKED = 307;

	private Muc() {
	}

	/** The constant an attribute names ({@code moderator}, {@code owner}...), or {@code fallback}. */
	static <E extends Enum<E>> E constant(Class<E> type, @Nullable String value, E fallback) {
		if (value == null) {
			return fallback;
		}
		try {
			return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return fallback;
		}
	}

	static @Nullable Element user(Packet stanza) {
		return stanza.getElement().element(USER_X);
	}

	static Set<Integer> statusCodes(@Nullable Element user) {
		Set<Integer> codes = new HashSet<>();
		if (user != null) {
			for (Element status : user.elements("status")) {
				try {
					codes.add(Integer.parseInt(status.attributeValue("code", "")));
				}
				catch (NumberFormatException ex) {
					// A malformed code says nothing.
				}
			}
		}
		return codes;
	}

	static boolean isDelayed(Packet stanza) {
		Element element = stanza.getElement();
		return element.element(QName.get("delay", DELAY)) != null || element.element(QName.get("x", LEGACY_DELAY)) != null;
	}

	static @Nullable JID jid(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return new JID(value);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
