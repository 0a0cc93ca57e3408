package dev.kindling.connection;

import org.springframework.context.ApplicationEvent;

/**
 * The component's stream is authenticated and stanzas flow. Published after every successful
 * connect, the first one and each reconnect: the place to (re)join rooms or re-announce presence.
 */
public class ComponentConnectedEvent extends ApplicationEvent {

	private final ComponentEndpoint endpoint;

	private final String streamId;

	private final long connects;

	public ComponentConnectedEvent(Object source, ComponentEndpoint endpoint, String streamId, long connects) {
		super(source);
		this.endpoint = endpoint;
		this.streamId = streamId;
		this.connects = connects;
	}

	public ComponentEndpoint getEndpoint() {
		return this.endpoint;
	}

	public String getStreamId() {
		return this.streamId;
	}

	/** 1 for the first connect, 2 for the first reconnect, and so on. */
	public long getConnects() {
		return this.connects;
	}

	/** Whether this connect follows a lost stream. */
	public boolean isReconnect() {
		return this.connects > 1;
	}

}
