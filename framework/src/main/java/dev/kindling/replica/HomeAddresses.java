package dev.kindling.replica;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.jspecify.annotations.Nullable;
import org.xmpp.packet.JID;

/**
 * The addresses replicas probe and live at, and the marks their IQ ids carry.
 *
 * <ul>
 * <li>Home candidates: {@code kindling.<k>@<domain>}, k = 0, 1, 2… The server routes each to one
 * slot; a replica's home is the first candidate whose probe came back to it.</li>
 * <li>Room keys: {@code kindling.room.<16 hex digits of the room's SHA-256>@<domain>}; the replica
 * the server routes a room's key to is the one in the room.</li>
 * <li>IQ ids of a replica with home k start with {@code r<k>.}, so whichever replica an answer
 * reaches knows whose request it answers.</li>
 * </ul>
 */
public final class HomeAddresses {

	/** Local part prefix of home candidates. */
	public static final String HOME_PREFIX = "kindling.";

	/** Local part prefix of room keys. */
	public static final String ROOM_PREFIX = "kindling.room.";

	private HomeAddresses() {
	}

	/** The home candidate {@code k}. */
	public static JID home(String domain, int key) {
		return new JID(HOME_PREFIX + key, domain, null, true);
	}

	/**
	 * The key of a home address, bare or full, or -1 when the address is no home address.
	 * Allocation-free: it runs on the reader thread for every stanza of a balanced replica.
	 */
	public static int key(@Nullable String address) {
		if (address == null || !address.startsWith(HOME_PREFIX)) {
			return -1;
		}
		return digitsUntil(address, HOME_PREFIX.length(), '@');
	}

	/** The key an IQ id carries ({@code r<k>.…}), or -1. */
	public static int idKey(@Nullable String id) {
		if (id == null || id.length() < 3 || id.charAt(0) != 'r') {
			return -1;
		}
		return digitsUntil(id, 1, '.');
	}

	/** The prefix of the IQ ids of a replica whose home has this key. */
	public static String idPrefix(int key) {
		return "r" + key + ".";
	}

	/** The address whose slot decides which replica is in a room. */
	public static JID roomKey(String domain, JID room) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(room.toBareJID().getBytes(StandardCharsets.UTF_8));
			return new JID(ROOM_PREFIX + HexFormat.of().formatHex(digest, 0, 8), domain, null, true);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

	private static int digitsUntil(String text, int start, char end) {
		int value = 0;
		int i = start;
		for (; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == end) {
				break;
			}
			if (c < '0' || c > '9' || i - start >= 9) {
				return -1;
			}
			value = value * 10 + (c - '0');
		}
		return (i == start || i == text.length()) ? -1 : value;
	}

}
