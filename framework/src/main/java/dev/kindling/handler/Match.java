package dev.kindling.handler;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a named group of the {@link OnMessage#body()} pattern, converted to the parameter's type
 * ({@code @Match("sides") int sides} for {@code "!roll (?<sides>\\d+)"}). A group that did not take
 * part in the match binds {@code null}. Naming a group the pattern lacks fails startup.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Match {

	/** The group's name. */
	String value();

}
