package dev.kindling.handler;

import dev.kindling.ErrorCondition;
import dev.kindling.XmppErrorException;

/**
 * What the sender wrote cannot be bound to a handler's argument: a value of the wrong form, a
 * missing or extra command argument, a payload that does not bind, or a constraint it breaks. A
 * user's mistake, not a bug: metrics count it as {@code rejected}, not as a {@code failure}. A
 * message gets the text as a reply in its conversation (in a room, addressed to the occupant), an
 * IQ request a {@code bad-request} error with the text. The text names the argument and what was
 * expected, and never carries a library's internal message.
 */
public class ArgumentRejectedException extends XmppErrorException {

	private final String argument;

	/**
	 * @param argument the argument as the sender knows it (a {@code @Match} group, a command
	 * argument, a payload attribute), such as {@code sides}
	 * @param text for the sender: what is wrong and what was expected, such as
	 * {@code sides must be a whole number from 2 to 1000 (not "x")}
	 */
	public ArgumentRejectedException(String argument, String text) {
		super(ErrorCondition.BAD_REQUEST, text);
		this.argument = argument;
	}

	/** The argument's name, as the sender knows it. */
	public String getArgument() {
		return this.argument;
	}

}
