package dev.kindling.bench.jmh;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.Packet;

import dev.kindling.template.XmppTemplate;

/** A template that keeps the last stanza it was given (or its copy) instead of queueing it for the writer. */
final class CountingTemplate implements XmppTemplate {

	private final JID componentJid = new JID(null, "bench.localhost", null, true);

	long sent;

	Packet last;

	@Override
	public JID componentJid() {
		return this.componentJid;
	}

	/** Copies, as {@code DefaultXmppTemplate.send} does: a route that sends this way pays for it here. */
	@Override
	public void send(Packet stanza) {
		sendWithoutCopy(stanza);
		this.last = stanza.createCopy();
	}

	@Override
	public void sendWithoutCopy(Packet stanza) {
		if (stanza.getFrom() == null) {
			stanza.setFrom(this.componentJid);
		}
		this.sent++;
		this.last = stanza;
	}

	@Override
	public CompletableFuture<IQ> request(IQ request) {
		return request(request, Duration.ofSeconds(10));
	}

	@Override
	public CompletableFuture<IQ> request(IQ request, Duration timeout) {
		send(request);
		return new CompletableFuture<>();
	}

}
