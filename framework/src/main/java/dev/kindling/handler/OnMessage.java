package dev.kindling.handler;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Handles messages that carry a {@code <body>}, or with {@link #extension()} those that carry a
 * given extension element. All given filters must match; the most specific matching handler wins
 * (an {@code extension} filter outranks a {@code to} or {@code room} filter, which outranks a
 * {@code body} pattern, which outranks a {@code type} filter).
 *
 * <p>Return a {@code String} to reply with a message of the same type to the sender (same id and
 * thread), a {@link org.xmpp.packet.Packet} to send it, {@code void} or {@code null} for no reply,
 * or a {@link java.util.concurrent.CompletableFuture} of any of these to reply later.
 */
@Target({ ElementType.METHOD, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface OnMessage {

	/** Message types taken; empty takes every type but {@code error}. */
	MessageType[] type() default {};

	/**
	 * A regular expression the whole body must match; its named groups bind to
	 * {@link Match @Match} parameters. Empty takes any body.
	 */
	String body() default "";

	/** Local parts of the recipient address ({@code echo} in {@code echo@bot.example.com}); empty takes any. */
	String[] to() default {};

	/**
	 * Rooms the message must come from, as bare JIDs ({@code lobby@conference.example.com}) or room
	 * names ({@code lobby}): groupchat in the room, or a private message from one of its occupants.
	 * Empty takes any sender.
	 */
	String[] room() default {};

	/**
	 * Namespace of a child element the message must carry (e.g. pubsub events, chat states);
	 * when set, the message needs no body. Empty requires a body.
	 */
	String extension() default "";

}
