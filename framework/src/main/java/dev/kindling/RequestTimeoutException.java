package dev.kindling;

import java.time.Duration;

/**
 * No answer to an IQ request arrived within its timeout.
 */
public class RequestTimeoutException extends XmppException {

	public RequestTimeoutException(String id, String to, Duration timeout) {
		super("No answer to IQ '" + id + "' sent to " + to + " within " + timeout.toMillis() + " ms");
	}

}
