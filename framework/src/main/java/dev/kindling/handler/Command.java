package dev.kindling.handler;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.core.annotation.AliasFor;

/**
 * A chat command: a message whose body is the prefix ({@code xmpp.commands.prefix}, {@code !} by
 * default), the command's name and its arguments, such as {@code !roll 2 6}. The method's
 * parameters that no other resolver takes (or that carry {@link Arg @Arg}) are the arguments, in
 * order, converted to their types; a {@code String} last argument takes the rest of the line.
 * Arguments are separated by spaces, and a double-quoted argument may contain spaces.
 *
 * <p>A wrong, missing or extra argument is answered in the conversation with what was expected
 * and the command's usage, and the handler is not called. {@code !help} lists every command with
 * its description, generated from these annotations. The name is matched without regard to case
 * (phones capitalise the first word).
 *
 * <p>Returns are those of {@link OnMessage @OnMessage}: a {@code String} is the reply, sent to the
 * room for a command said in a room.
 */
@Target({ ElementType.METHOD, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Command {

	/** Alias for {@link #name()}. */
	@AliasFor("name")
	String value() default "";

	/** The command's name, without the prefix; the method's name by default. */
	@AliasFor("value")
	String name() default "";

	/** One line for {@code !help}. */
	String description() default "";

	/** Message types taken; empty takes {@code chat}, {@code normal} and {@code groupchat}. */
	MessageType[] type() default {};

	/** Rooms the command is taken from, as in {@link OnMessage#room()}; empty takes any sender. */
	String[] room() default {};

	/**
	 * A regular expression the whole argument text must match instead of being split at spaces,
	 * for a notation of its own such as {@code (?<count>\d{1,3})d(?<sides>\d{1,6})} for {@code 2d6};
	 * its named groups bind to the arguments of the same name.
	 */
	String syntax() default "";

}
