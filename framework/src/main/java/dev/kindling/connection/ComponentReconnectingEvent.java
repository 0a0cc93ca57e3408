package dev.kindling.connection;

import java.time.Duration;

import org.springframework.context.ApplicationEvent;

/**
 * An attempt to connect failed, or a stream was lost; the next attempt follows after a delay.
 */
public class ComponentReconnectingEvent extends ApplicationEvent {

	private final int attempt;

	private final Duration delay;

	private final Throwable cause;

	public ComponentReconnectingEvent(Object source, int attempt, Duration delay, Throwable cause) {
		super(source);
		this.attempt = attempt;
		this.delay = delay;
		this.cause = cause;
	}

	/** The number of the next attempt since the last successful connect, from 1. */
	public int getAttempt() {
		return this.attempt;
	}

	public Duration getDelay() {
		return this.delay;
	}

	public Throwable getCause() {
		return this.cause;
	}

}
