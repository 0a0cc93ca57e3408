package dev.kindling;

/**
 * A stanza could not be handed to the connection: the component is not connected, the outbound
 * buffer is full, or the connection was lost before the stanza was written. Sending never blocks
 * the caller for an outage; it fails with this instead.
 */
public class StanzaNotSentException extends XmppException {

	public StanzaNotSentException(String message) {
		super(message);
	}

}
