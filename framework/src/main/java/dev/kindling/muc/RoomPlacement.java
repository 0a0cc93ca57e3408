package dev.kindling.muc;

import java.util.concurrent.CompletableFuture;

import org.xmpp.packet.JID;

/**
 * Which process is in a room, when several replicas share the component's domain: only the one
 * the room is placed on joins it, so two replicas never fight over one nick and the room's traffic
 * is handled once. The default, {@link #HERE}, is a single process: every room is placed here and
 * joined as its spec says.
 */
public interface RoomPlacement {

	/** One process: every room here, joined as its {@link RoomSpec#joinAs()}. */
	RoomPlacement HERE = new RoomPlacement() {

		@Override
		public CompletableFuture<Boolean> isPlacedHere(JID room) {
			return CompletableFuture.completedFuture(true);
		}

		@Override
		public JID occupantAddress(JID joinAs) {
			return joinAs;
		}

	};

	/**
	 * Whether this process is to be in the room. Asked before each join of a room from the
	 * configuration (after every connect, and at each self-ping round while the room is not
	 * joined); rooms joined with {@link MucRooms#join(RoomSpec)} are joined where they were asked for.
	 */
	CompletableFuture<Boolean> isPlacedHere(JID room);

	/**
	 * The address that joins, given the spec's; asked at every join, so it may change between
	 * connects (a replica's home address).
	 */
	JID occupantAddress(JID joinAs);

}
