package dev.kindling.handler;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Handles presence stanzas of the given types. Return a {@link org.xmpp.packet.Packet} to send it,
 * or {@code void}.
 */
@Target({ ElementType.METHOD, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface OnPresence {

	/** Presence types taken; empty takes every type but {@code error}. */
	PresenceType[] type() default {};

}
