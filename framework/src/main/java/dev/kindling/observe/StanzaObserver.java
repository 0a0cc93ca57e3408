package dev.kindling.observe;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.xmpp.packet.IQ;
import org.xmpp.packet.Packet;

/**
 * Sees what happens to stanzas. Called on the threads doing the work (the reader, the writer,
 * handler threads), so implementations must be fast, thread-safe and must not throw; they must
 * not modify the stanzas either. Declare one as a bean and Kindling calls it.
 */
public interface StanzaObserver {

	/** Observes nothing. */
	StanzaObserver NONE = new StanzaObserver() {
	};

	/** A stanza arrived from the server. */
	default void received(Packet stanza) {
	}

	/** A stanza was written to the server. */
	default void sent(Packet stanza) {
	}

	/** A stanza was dropped without being handled or written. */
	default void dropped(Packet stanza, DropReason reason) {
	}

	/**
	 * A handler finished with a stanza: when its method returned, or, for an asynchronous handler,
	 * when its future completed.
	 * @param failure what it threw or failed with, or {@code null}
	 */
	default void handled(ObservedHandler handler, Packet stanza, long nanos, @Nullable Throwable failure) {
	}

	/**
	 * A handler finished with a stanza, with the outcome its exception handlers (if any) decided;
	 * this is the method the router calls. By default it calls
	 * {@link #handled(ObservedHandler, Packet, long, Throwable)}, so observers written before outcomes
	 * existed keep working.
	 * @param outcome how it ended; see {@link HandlerOutcome} for the rule
	 * @param failure what it threw or failed with, or {@code null}
	 */
	default void handled(ObservedHandler handler, Packet stanza, long nanos, HandlerOutcome outcome,
			@Nullable Throwable failure) {
		handled(handler, stanza, nanos, failure);
	}

	/** One of the component's own IQ requests ended. */
	default void requestCompleted(IQ request, long nanos, RequestOutcome outcome) {
	}

	/** One observer that calls each of the given ones in turn. */
	static StanzaObserver composite(List<? extends StanzaObserver> observers) {
		if (observers.isEmpty()) {
			return NONE;
		}
		if (observers.size() == 1) {
			return observers.get(0);
		}
		return new CompositeStanzaObserver(List.copyOf(observers));
	}

}
