package dev.kindling.muc;

import java.time.Duration;

import org.xmpp.packet.JID;

/**
 * How {@link MucRooms} behaves.
 *
 * @param nickConflict what to do when a nick is taken
 * @param joinTimeout how long a join may wait for the room's self-presence
 * @param selfPingInterval how often joined rooms are checked with a XEP-0410 self-ping (and rooms
 * not joined are tried again); zero turns both off
 * @param deliverHistory whether delayed (history) groupchat reaches handlers
 * @param acceptInvitations whether invitations are accepted by joining the room
 * @param invitationNick the nick used for rooms joined by invitation
 */
public record MucSettings(NickConflictStrategy nickConflict, Duration joinTimeout, Duration selfPingInterval,
		boolean deliverHistory, boolean acceptInvitations, String invitationNick) {

	public static MucSettings defaults() {
		return new MucSettings(NickConflictStrategy.suffix(5), Duration.ofSeconds(10), Duration.ofSeconds(60), false,
				false, "bot");
	}

	/** The address that joins a room by invitation: the one the invitation was sent to. */
	JID invitationJoinAs(JID invited) {
		return (invited.getNode() != null) ? invited.asBareJID() : new JID(null, invited.getDomain(), null, true);
	}

}
