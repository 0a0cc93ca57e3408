package dev.kindling.muc;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds the sender's nick in a room (the resource of {@code room@service/nick}) to a
 * {@code String} handler parameter; {@code null} when the stanza does not come from a room.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Nick {

}
