package dev.kindling.handler;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Describes an argument of a {@link Command @Command}. Optional: a parameter the other resolvers
 * do not take is an argument anyway, named after the parameter.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Arg {

	/** Marks {@link #defaultValue()} as not set. */
	String NO_DEFAULT = "\n\t\t\n\t\t\n\ue000\ue001\ue002\n\t\t\t\t\n";

	/** The name shown in usage and errors; the parameter's name by default. */
	String value() default "";

	/** What the argument means, shown by {@code !help <command>}. */
	String description() default "";

	/** The value taken when the argument is left out; without one, the argument is required. */
	String defaultValue() default NO_DEFAULT;

}
