package dev.kindling.handler;

import java.util.LinkedHashSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.xmpp.packet.JID;

/**
 * The rooms a {@code room} filter names, in the one form every filter keeps and checks: a bare
 * JID for {@code lobby@conference.example.com}, the prepared local part for {@code lobby}.
 */
public final class RoomNames {

	private RoomNames() {
	}

	/**
	 * The form a filter keeps of a room as written.
	 * @throws IllegalArgumentException when it is not a valid address or local part
	 */
	public static String of(String room) {
		return room.contains("@") ? new JID(room).toBareJID() : JID.nodeprep(room);
	}

	/** {@link #of} of each room as written. */
	public static Set<String> of(String[] rooms) {
		Set<String> names = new LinkedHashSet<>();
		for (String room : rooms) {
			names.add(of(room));
		}
		return names;
	}

	/** Whether a room's address (bare, or an occupant's) is among the names, by JID or by name. */
	public static boolean contains(Set<String> names, @Nullable JID room) {
		return room != null && room.getNode() != null
				&& (names.contains(room.toBareJID()) || names.contains(room.getNode()));
	}

}
