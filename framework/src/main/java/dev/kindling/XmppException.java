package dev.kindling;

/**
 * Base class of the unchecked exceptions Kindling throws.
 */
public class XmppException extends RuntimeException {

	public XmppException(String message) {
		super(message);
	}

	public XmppException(String message, Throwable cause) {
		super(message, cause);
	}

}
