package dev.kindling.connection;

import org.springframework.context.ApplicationEvent;

/**
 * A new session of a connection that stands by as a spare (a balanced replica without a slot,
 * after {@link ComponentConnection#standBy(Throwable)}): the stream is up, but the server may still
 * send it nothing. A listener that finds the session gets no traffic calls
 * {@link ComponentConnection#standBy(Throwable)} again; otherwise the connection is connected and
 * publishes {@link ComponentConnectedEvent} for the same stream. Only the replica listens: rooms and
 * presences wait for the connected event, so a spare does not announce itself at every retry.
 */
public class ComponentSpareSessionEvent extends ApplicationEvent {

	private final String streamId;

	public ComponentSpareSessionEvent(Object source, String streamId) {
		super(source);
		this.streamId = streamId;
	}

	public String getStreamId() {
		return this.streamId;
	}

}
