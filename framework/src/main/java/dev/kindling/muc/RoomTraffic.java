package dev.kindling.muc;

import org.xmpp.packet.IQ;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;
import org.xmpp.packet.Presence;

import dev.kindling.StanzaAddresses;
import dev.kindling.routing.RoutingInterceptor;

/**
 * Sees the rooms' stanzas first, on each room's lane, and hands them to the room's tracker: room
 * presences never reach handlers; groupchat reaches them only when it is live, from someone else,
 * and has a body; no error ever answers an occupant's message (rooms kick occupants for that).
 * Messages from elsewhere that carry an invitation go to {@link Invitations}.
 */
public final class RoomTraffic implements RoutingInterceptor {

	private final MucRooms rooms;

	private final Invitations invitations;

	public RoomTraffic(MucRooms rooms, Invitations invitations) {
		this.rooms = rooms;
		this.invitations = invitations;
	}

	@Override
	public boolean preRoute(Packet stanza) {
		if (stanza instanceof IQ) {
			return true;
		}
		String from = StanzaAddresses.bareFrom(stanza);
		if (from == null) {
			return true;
		}
		RoomTracker tracker = this.rooms.tracker(from);
		if (tracker == null) {
			return !(stanza instanceof Message message) || !this.invitations.offer(message);
		}
		if (stanza instanceof Presence presence) {
			tracker.onPresence(presence);
			return false;
		}
		return tracker.onMessage((Message) stanza);
	}

	@Override
	public boolean mayAnswerWithError(Packet stanza) {
		if (stanza instanceof IQ) {
			return true;
		}
		String from = StanzaAddresses.bareFrom(stanza);
		return from == null || !this.rooms.isWanted(from);
	}

}
