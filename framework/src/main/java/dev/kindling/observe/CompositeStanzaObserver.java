package dev.kindling.observe;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.xmpp.packet.IQ;
import org.xmpp.packet.Packet;

/**
 * Calls several observers in turn.
 */
final class CompositeStanzaObserver implements StanzaObserver {

	private final List<StanzaObserver> observers;

	CompositeStanzaObserver(List<StanzaObserver> observers) {
		this.observers = observers;
	}

	@Override
	public void received(Packet stanza) {
		for (StanzaObserver observer : this.observers) {
			observer.received(stanza);
		}
	}

	@Override
	public void sent(Packet stanza) {
		for (StanzaObserver observer : this.observers) {
			observer.sent(stanza);
		}
	}

	@Override
	public void dropped(Packet stanza, DropReason reason) {
		for (StanzaObserver observer : this.observers) {
			observer.dropped(stanza, reason);
		}
	}

	@Override
	public void handled(ObservedHandler handler, Packet stanza, long nanos, @Nullable Throwable failure) {
		for (StanzaObserver observer : this.observers) {
			observer.handled(handler, stanza, nanos, failure);
		}
	}

	@Override
	public void handled(ObservedHandler handler, Packet stanza, long nanos, HandlerOutcome outcome,
			@Nullable Throwable failure) {
		for (StanzaObserver observer : this.observers) {
			observer.handled(handler, stanza, nanos, outcome, failure);
		}
	}

	@Override
	public void requestCompleted(IQ request, long nanos, RequestOutcome outcome) {
		for (StanzaObserver observer : this.observers) {
			observer.requestCompleted(request, nanos, outcome);
		}
	}

}
