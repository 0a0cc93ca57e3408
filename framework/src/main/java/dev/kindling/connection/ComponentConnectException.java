package dev.kindling.connection;

import dev.kindling.XmppException;

/**
 * Opening the component stream failed. The {@link Reason} separates configuration problems
 * (wrong secret, domain already taken) from network trouble.
 */
public class ComponentConnectException extends XmppException {

	/** Why the stream could not be established or was lost. */
	public enum Reason {

		/** The server could not be reached or the socket broke. */
		NETWORK,

		/** The server refused the secret ({@code not-authorized}): a configuration problem. */
		NOT_AUTHORIZED,

		/** Another session holds the domain ({@code conflict}): a second instance, or a stale one. */
		CONFLICT,

		/** The server sent something a component stream does not allow. */
		PROTOCOL,

		/** The server stopped answering pings. */
		PING_TIMEOUT

	}

	private final Reason reason;

	public ComponentConnectException(Reason reason, String message) {
		super(message);
		this.reason = reason;
	}

	public ComponentConnectException(Reason reason, String message, Throwable cause) {
		super(message, cause);
		this.reason = reason;
	}

	public Reason getReason() {
		return this.reason;
	}

}
