package dev.kindling.muc;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEvent;

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

	public OccupantEvent(Object source, Kind kind, Room room, Occupant occupant, @Nullable Occupant previous) {
		super(source);
		this.kind = kind;
		this.room = room;
		this.occupant = occupant;
		this.previous = previous;
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

	@Override
	public String toString() {
		return "OccupantEvent[" + this.kind + " " + this.occupant + "]";
	}

}
