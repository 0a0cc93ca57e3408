package dev.kindling.handler;

import org.jspecify.annotations.Nullable;

import dev.kindling.ErrorCondition;
import dev.kindling.XmppErrorException;

/**
 * A handler argument that the sender got wrong: a value that does not convert, a payload that does
 * not bind, a constraint it breaks. It is a {@code bad-request} whose text names the argument and
 * the form expected, and never carries a library's internal message; metrics count it as
 * {@code rejected} (a user's mistake), not as a {@code failure}.
 */
public class ArgumentRejectedException extends XmppErrorException {

	private final String argument;

	private final String expected;

	/**
	 * @param argument the argument as the sender knows it (a {@code @Match} group, a command
	 * argument, a payload attribute), such as {@code sides}
	 * @param expected the form expected, such as {@code a whole number from 1 to 1000}
	 * @param cause the conversion or validation failure, kept for logs only
	 */
	public ArgumentRejectedException(String argument, String expected, @Nullable Throwable cause) {
		super(ErrorCondition.BAD_REQUEST, "'" + argument + "' must be " + expected);
		this.argument = argument;
		this.expected = expected;
		if (cause != null) {
			initCause(cause);
		}
	}

	public ArgumentRejectedException(String argument, String expected) {
		this(argument, expected, null);
	}

	/** The argument's name, as the sender knows it. */
	public String getArgument() {
		return this.argument;
	}

	/** The form expected. */
	public String getExpected() {
		return this.expected;
	}

}
