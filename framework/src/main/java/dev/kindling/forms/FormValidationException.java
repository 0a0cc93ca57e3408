package dev.kindling.forms;

import org.xmpp.packet.PacketError.Condition;

import dev.kindling.XmppErrorException;

/**
 * A form that is incomplete or holds a value of the wrong type. Thrown from a handler, it answers
 * the stanza with {@code bad-request} and this message.
 */
public class FormValidationException extends XmppErrorException {

	public FormValidationException(String message) {
		super(Condition.bad_request, message);
	}

}
