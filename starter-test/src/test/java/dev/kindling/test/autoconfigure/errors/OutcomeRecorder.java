package dev.kindling.test.autoconfigure.errors;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jspecify.annotations.Nullable;
import org.xmpp.packet.Packet;

import dev.kindling.observe.HandlerOutcome;
import dev.kindling.observe.ObservedHandler;
import dev.kindling.observe.StanzaObserver;

/** Records the outcome the router reports for each handled stanza. */
class OutcomeRecorder implements StanzaObserver {

	final List<HandlerOutcome> outcomes = new CopyOnWriteArrayList<>();

	@Override
	public void handled(ObservedHandler handler, Packet stanza, long nanos, HandlerOutcome outcome,
			@Nullable Throwable failure) {
		this.outcomes.add(outcome);
	}

}
