package dev.kindling.connection;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A snapshot of the connection for health checks and diagnostics.
 *
 * @param state the current state
 * @param since when the connection entered that state
 * @param lastFailure why the last attempt failed or the last stream was lost, if it did
 * @param connects how many times a stream was established since start
 * @param failedAttempts failed attempts since the last successful connect
 */
public record ConnectionStatus(ConnectionState state, Instant since, @Nullable Throwable lastFailure,
		long connects, int failedAttempts) {

	/** Whether stanzas can be sent right now. */
	public boolean isConnected() {
		return this.state == ConnectionState.CONNECTED;
	}

}
