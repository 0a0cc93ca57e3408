package dev.kindling.connection;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEvent;

/**
 * The component's stream ended: lost (with a cause) or closed by a graceful stop (no cause).
 */
public class ComponentDisconnectedEvent extends ApplicationEvent {

	private final @Nullable Throwable cause;

	public ComponentDisconnectedEvent(Object source, @Nullable Throwable cause) {
		super(source);
		this.cause = cause;
	}

	/** Why the stream was lost, or {@code null} when the application stopped it. */
	public @Nullable Throwable getCause() {
		return this.cause;
	}

}
