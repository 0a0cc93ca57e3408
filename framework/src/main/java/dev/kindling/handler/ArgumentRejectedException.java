package dev.kindling.handler;

import org.xmpp.packet.PacketError.Condition;

import dev.kindling.XmppErrorException;

/**
 * What the sender wrote cannot be bound to a handler's argument: a value of the wrong form, a
 * missing or extra command argument, or a constraint it breaks. A user's mistake, not a bug: a
 * message gets the text as a reply in its conversation (in a room, addressed to the occupant), an
 * IQ request a {@code bad-request} error with the text. The text names the argument and what was
 * expected, and never carries a library's internal message.
 */
public class ArgumentRejectedException extends XmppErrorException {

	private final String argument;

	public ArgumentRejectedException(String argument, String text) {
		super(Condition.bad_request, text);
		this.argument = argument;
	}

	/** The name of the argument that was rejected. */
	public String getArgument() {
		return this.argument;
	}

}
