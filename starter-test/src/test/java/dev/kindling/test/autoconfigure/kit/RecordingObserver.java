package dev.kindling.test.autoconfigure.kit;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jspecify.annotations.Nullable;
import org.xmpp.packet.Packet;

import dev.kindling.observe.ObservedHandler;
import dev.kindling.observe.StanzaObserver;

/** Sees what the production observer seam sees, to show the harness runs through it. */
class RecordingObserver implements StanzaObserver {

	final List<String> events = new CopyOnWriteArrayList<>();

	@Override
	public void received(Packet stanza) {
		this.events.add("received " + stanza.getID());
	}

	@Override
	public void handled(ObservedHandler handler, Packet stanza, long nanos, @Nullable Throwable failure) {
		this.events.add("handled " + stanza.getID() + " by " + handler.name());
	}

	@Override
	public void sent(Packet stanza) {
		this.events.add("sent " + stanza.getID());
	}

}
