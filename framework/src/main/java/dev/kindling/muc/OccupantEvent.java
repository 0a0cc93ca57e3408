package dev.kindling.muc;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEvent;
import org.xmpp.packet.Presence;

/**
 * Someone joined, left or changed in a room the bot is in. Published on the room's lane, so
 * listeners see one room's events in order, and in order with its messages. Not published for the
 * occupants already there when the bot joins.
 */
public class OccupantEvent extends ApplicationEvent {

	/** What happened. */
	public enum Kind {

		JOINED, LEFT, NICK_CHANGED, ROLE_CHANGED, AFFILIATION_CHANGED

	}

	private final Kind kind;

	private final Room room;

	private final Occupant occupant;

	private final @Nullable Occupant previous;

	private final @Nullable Presence presence;

	public OccupantEvent(Object source, Kind kind, Room room, Occupant occupant, @Nullable Occupant previous) {
		this(source, kind, room, occupant, previous, null);
	}

	/**
	 * @param presence the room's presence that told of the change
	 */
	public OccupantEvent(Object source, Kind kind, Room room, Occupant occupant, @Nullable Occupant previous,
			@Nullable Presence presence) {
		super(source);
		this.kind = kind;
		this.room = room;
		this.occupant = occupant;
		this.previous = previous;
		this.presence = presence;
	}

	public Kind getKind() {
		return this.kind;
	}

	public Room getRoom() {
		return this.room;
	}

	/** The occupant now (for {@code LEFT}, as it was when it left). */
	public Occupant getOccupant() {
		return this.occupant;
	}

	/** The occupant before the change; {@code null} for {@code JOINED}. */
	public @Nullable Occupant getPrevious() {
		return this.previous;
	}

	/** The room's presence that told of the change; {@code null} for an event not made from one. */
	public @Nullable Presence getPresence() {
		return this.presence;
	}

	@Override
	public String toString() {
		return "OccupantEvent[" + this.kind + " " + this.occupant + "]";
	}

}
