package dev.kindling.replica;

import dev.kindling.XmppException;

/**
 * The server gave this replica's session no slot: none of its probes came back, so it gets no
 * traffic. The replica reconnects to try again; a session only takes a slot that is free when it
 * connects.
 */
public class NoSlotException extends XmppException {

	public NoSlotException(String message) {
		super(message);
	}

}
