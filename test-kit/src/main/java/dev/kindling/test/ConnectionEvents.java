package dev.kindling.test;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.context.ApplicationEventPublisher;

import dev.kindling.connection.ComponentConnectedEvent;
import dev.kindling.connection.ComponentConnection;
import dev.kindling.connection.ComponentDisconnectedEvent;
import dev.kindling.connection.ComponentReconnectingEvent;

/**
 * The event publisher to give the harness's {@link ComponentConnection}: it publishes through the
 * application's, then counts the connection events, so the harness knows when every listener
 * (a room rejoin, say) has seen one.
 */
public final class ConnectionEvents implements ApplicationEventPublisher {

	private final ApplicationEventPublisher delegate;

	private final AtomicLong connected = new AtomicLong();

	private final AtomicLong disconnected = new AtomicLong();

	private final AtomicLong reconnecting = new AtomicLong();

	public ConnectionEvents(ApplicationEventPublisher delegate) {
		this.delegate = delegate;
	}

	@Override
	public void publishEvent(Object event) {
		this.delegate.publishEvent(event);
		if (event instanceof ComponentConnectedEvent) {
			this.connected.incrementAndGet();
		}
		else if (event instanceof ComponentDisconnectedEvent) {
			this.disconnected.incrementAndGet();
		}
		else if (event instanceof ComponentReconnectingEvent) {
			this.reconnecting.incrementAndGet();
		}
	}

	/** {@link ComponentConnectedEvent}s whose listeners have all run. */
	public long connected() {
		return this.connected.get();
	}

	/** {@link ComponentDisconnectedEvent}s whose listeners have all run. */
	public long disconnected() {
		return this.disconnected.get();
	}

	/** {@link ComponentReconnectingEvent}s whose listeners have all run. */
	public long reconnecting() {
		return this.reconnecting.get();
	}

}
