package dev.kindling.replica;

import java.util.concurrent.CompletableFuture;

import org.xmpp.packet.JID;

import dev.kindling.muc.RoomPlacement;

/**
 * Places each configured room on one replica: the one the server routes the room's key
 * ({@link HomeAddresses#roomKey}) to, found with the same probe as the home. Every replica probes
 * every room; exactly the owner's probe comes back to itself, so exactly one replica joins, and a
 * replica that takes a freed slot later takes its rooms with it. Rooms are joined from the home
 * address (the nick as its resource), so their traffic comes back to this replica or is forwarded
 * to it.
 */
public final class ReplicaRoomPlacement implements RoomPlacement {

	private final Replica replica;

	private final String domain;

	public ReplicaRoomPlacement(Replica replica, String domain) {
		this.replica = replica;
		this.domain = domain;
	}

	@Override
	public CompletableFuture<Boolean> isPlacedHere(JID room) {
		if (this.replica.state() != SlotState.HOME) {
			return CompletableFuture.completedFuture(false);
		}
		return this.replica.owns(HomeAddresses.roomKey(this.domain, room));
	}

	@Override
	public JID occupantAddress(JID joinAs) {
		JID home = this.replica.home();
		if (home == null) {
			return joinAs;
		}
		return new JID(home.getNode(), home.getDomain(), joinAs.getResource(), true);
	}

}
