package dev.kindling.boot.actuate.trace;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.dom4j.Element;
import org.jspecify.annotations.Nullable;
import org.xmpp.packet.Packet;

import dev.kindling.observe.StanzaObserver;

/**
 * Keeps the last stanzas received and sent, oldest first, in a fixed-size ring. It sees only what
 * passes the {@link StanzaObserver}: stanzas, never the stream header or the handshake.
 */
public class StanzaTrace implements StanzaObserver {

	static final String MASK = "[masked]";

	private final TracedStanza[] ring;

	private final boolean maskBodies;

	private final Clock clock;

	private long written;

	/**
	 * @param clock stamps each traced stanza, {@code Clock.systemUTC()} outside tests
	 */
	public StanzaTrace(int capacity, boolean maskBodies, Clock clock) {
		this.ring = new TracedStanza[capacity];
		this.maskBodies = maskBodies;
		this.clock = clock;
	}

	@Override
	public void received(Packet stanza) {
		add(TracedStanza.Direction.IN, stanza);
	}

	@Override
	public void sent(Packet stanza) {
		add(TracedStanza.Direction.OUT, stanza);
	}

	private void add(TracedStanza.Direction direction, Packet stanza) {
		// Serialized now: the stanza object may be reused or changed after the observer returns.
		String xml = this.maskBodies ? masked(stanza) : stanza.toXML();
		String kind = stanza.getElement().getName();
		synchronized (this) {
			long sequence = ++this.written;
			this.ring[(int) ((sequence - 1) % this.ring.length)] = new TracedStanza(sequence,
					this.clock.instant().toString(), direction, kind, xml);
		}
	}

	private static String masked(Packet stanza) {
		Element copy = stanza.getElement().createCopy();
		mask(copy);
		return copy.asXML();
	}

	private static void mask(Element element) {
		for (Element child : element.elements()) {
			if ("body".equals(child.getName())) {
				child.clearContent();
				child.setText(MASK);
			}
			else {
				mask(child);
			}
		}
	}

	/** The stanzas kept, oldest first; with {@code after}, only those with a greater sequence number. */
	public synchronized List<TracedStanza> stanzas(@Nullable Long after) {
		int size = (int) Math.min(this.written, this.ring.length);
		List<TracedStanza> stanzas = new ArrayList<>(size);
		for (long sequence = this.written - size + 1; sequence <= this.written; sequence++) {
			TracedStanza stanza = this.ring[(int) ((sequence - 1) % this.ring.length)];
			if (after == null || stanza.sequence() > after) {
				stanzas.add(stanza);
			}
		}
		return stanzas;
	}

	public int capacity() {
		return this.ring.length;
	}

	public boolean isMaskingBodies() {
		return this.maskBodies;
	}

}
