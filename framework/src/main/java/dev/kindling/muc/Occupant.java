package dev.kindling.muc;

import org.jspecify.annotations.Nullable;
import org.xmpp.packet.JID;

/**
 * Someone in a room, as its last presence described it.
 *
 * @param room the room's bare JID
 * @param nick the nickname in the room
 * @param realJid the occupant's own address, when the room shows it to the bot (non-anonymous
 * rooms, or the bot is a moderator)
 * @param role what the occupant may do now
 * @param affiliation the occupant's lasting relation to the room
 */
public record Occupant(JID room, String nick, @Nullable JID realJid, Role role, Affiliation affiliation) {

	/** The occupant's address in the room, {@code room@service/nick}. */
	public JID address() {
		return new JID(this.room.getNode(), this.room.getDomain(), this.nick, true);
	}

	public boolean isModerator() {
		return this.role == Role.MODERATOR;
	}

	/** Whether the occupant may speak in a moderated room. */
	public boolean hasVoice() {
		return this.role == Role.MODERATOR || this.role == Role.PARTICIPANT;
	}

}
