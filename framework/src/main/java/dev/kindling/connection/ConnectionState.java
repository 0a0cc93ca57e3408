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

	/**
	 * Another instance holds the domain: the server refused the handshake with {@code conflict}
	 * (Prosody's default {@code component_conflict_resolve = "kick_new"}). The connection tries
	 * again every standby retry and takes the domain over as soon as the other instance leaves.
	 * Healthy: a new instance of a rolling update waits here.
	 */
	STANDBY,

	/** The last attempt failed or the stream was lost; waiting for the backoff to retry. */
	BACKOFF,

	/**
	 * A planned stop is finishing the accepted work: no new stanza is handled, each one read is
	 * answered with an error of type {@code wait}, the running handlers finish and their replies
	 * are written before the stream is closed.
	 */
	DRAINING,

	/**
	 * Another instance took the domain over: the server closed the established stream with
	 * {@code conflict} (Prosody's {@code component_conflict_resolve = "kick_old"}). No further
	 * attempts, so two instances never take turns kicking each other out.
	 */
	REPLACED,

	/** Stopped by the application; no further attempts. */
	STOPPED

}
