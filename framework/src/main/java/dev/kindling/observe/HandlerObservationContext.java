package dev.kindling.observe;

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;
import org.xmpp.packet.Packet;

/**
 * What an {@link XmppObservationDocumentation#HANDLER handler invocation} observation knows: the
 * handler, the stanza it takes and, once it ended, the {@link HandlerOutcome}. Made only when the
 * {@link io.micrometer.observation.ObservationRegistry} observes anything.
 */
public class HandlerObservationContext extends Observation.Context {

	private final ObservedHandler handler;

	private final Packet stanza;

	private @Nullable HandlerOutcome outcome;

	public HandlerObservationContext(ObservedHandler handler, Packet stanza) {
		this.handler = handler;
		this.stanza = stanza;
	}

	public ObservedHandler getHandler() {
		return this.handler;
	}

	/** The stanza the handler takes (for an event endpoint, the stanza behind the event); never modify it. */
	public Packet getStanza() {
		return this.stanza;
	}

	/** How the invocation ended; {@code null} until it has. */
	public @Nullable HandlerOutcome getOutcome() {
		return this.outcome;
	}

	public void setOutcome(HandlerOutcome outcome) {
		this.outcome = outcome;
	}

}
