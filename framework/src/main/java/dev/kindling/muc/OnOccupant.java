package dev.kindling.muc;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs the method when someone joins, leaves or changes in a room the bot is in: the same
 * {@link OccupantEvent}s published to {@code @EventListener}s, on the room's lane (in order with
 * the room's messages), invoked like an {@code @OnMessage} handler.
 *
 * <p>Parameters: the {@link Room}, the {@link Occupant} concerned (for {@code LEFT}, as it was when
 * it left), the occupant before the change as {@link Previous @Previous} {@code Occupant},
 * {@link Nick @Nick}, the {@link OccupantEvent}, {@code @From} (the occupant's address in the
 * room), the room's {@code Presence} and the {@code XmppTemplate}. Return a {@code String} to say it
 * in the room, a {@code Packet} to send it, {@code void} or {@code null} for nothing, or a
 * {@code CompletableFuture} of one. An exception goes to the bean's and the advice's
 * {@code @XmppExceptionHandler} methods, then is logged; nothing is ever answered into the room.
 * Not invoked for the occupants already there when the bot joins.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface OnOccupant {

	/** The changes taken; empty takes every kind. */
	OccupantEvent.Kind[] kind() default {};

	/**
	 * Rooms the change must happen in, as bare JIDs ({@code lobby@conference.example.com}) or room
	 * names ({@code lobby}), checked at startup against the configured rooms as
	 * {@code @OnMessage(room = …)} is. Empty takes every room.
	 */
	String[] room() default {};

}
