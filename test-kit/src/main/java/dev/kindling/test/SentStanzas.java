package dev.kindling.test;

import java.util.List;

import org.assertj.core.api.AssertProvider;
import org.xmpp.packet.IQ;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;
import org.xmpp.packet.Presence;

/**
 * Stanzas the component wrote, in the order written. {@code assertThat(sent)} (AssertJ's) gives a
 * {@link SentStanzasAssert}.
 */
public final class SentStanzas implements AssertProvider<SentStanzasAssert> {

	private final List<Packet> stanzas;

	SentStanzas(List<Packet> stanzas) {
		this.stanzas = List.copyOf(stanzas);
	}

	public List<Packet> all() {
		return this.stanzas;
	}

	public int size() {
		return this.stanzas.size();
	}

	public boolean isEmpty() {
		return this.stanzas.isEmpty();
	}

	public List<Message> messages() {
		return only(Message.class);
	}

	public List<IQ> iqs() {
		return only(IQ.class);
	}

	public List<Presence> presences() {
		return only(Presence.class);
	}

	/** The IQ {@code get} and {@code set} requests of the component's own. */
	public List<IQ> requests() {
		return iqs().stream().filter(IQ::isRequest).toList();
	}

	/** The IQ {@code result} and {@code error} answers, without the component's own requests. */
	public List<IQ> answers() {
		return iqs().stream().filter((iq) -> !iq.isRequest()).toList();
	}

	private <P extends Packet> List<P> only(Class<P> type) {
		return this.stanzas.stream().filter(type::isInstance).map(type::cast).toList();
	}

	@Override
	public SentStanzasAssert assertThat() {
		return new SentStanzasAssert(this);
	}

	@Override
	public String toString() {
		if (this.stanzas.isEmpty()) {
			return "(no stanzas)";
		}
		StringBuilder text = new StringBuilder();
		for (Packet stanza : this.stanzas) {
			text.append("\n  ").append(stanza.toXML());
		}
		return text.toString();
	}

}
