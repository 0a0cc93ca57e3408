package dev.kindling.connection;

/**
 * Where the component's stream stands.
 */
public enum ConnectionState {

	/** Not started yet. */
	NEW,

	/** Opening the socket and performing the handshake. */
	CONNECTING,

	/** The stream is authenticated; stanzas flow. */
	CONNECTED,

	/** The last attempt failed or the stream was lost; waiting for the backoff to retry. */
	BACKOFF,

	/** Stopped by the application; no further attempts. */
	STOPPED

}
