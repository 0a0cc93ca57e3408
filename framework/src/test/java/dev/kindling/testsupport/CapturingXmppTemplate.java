package dev.kindling.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.Packet;

import dev.kindling.StanzaNotSentException;
import dev.kindling.template.XmppTemplate;

/**
 * An {@link XmppTemplate} that keeps what it is asked to send instead of writing it anywhere. It
 * applies the real template's addressing rules (a {@code to} is required, a missing {@code from}
 * becomes the component's domain) and can be switched to fail like a disconnected one.
 */
public final class CapturingXmppTemplate implements XmppTemplate {

	private final JID componentJid;

	private final List<Packet> sent = new CopyOnWriteArrayList<>();

	private final List<IQ> requests = new CopyOnWriteArrayList<>();

	private volatile boolean connected = true;

	public CapturingXmppTemplate(String domain) {
		this.componentJid = new JID(null, domain, null);
	}

	public CapturingXmppTemplate() {
		this("bot.example.com");
	}

	/** From now on, fail every send as a template without a stream would. */
	public void disconnect() {
		this.connected = false;
	}

	@Override
	public JID componentJid() {
		return this.componentJid;
	}

	@Override
	public void send(Packet stanza) {
		if (stanza.getTo() == null) {
			throw new IllegalArgumentException("A stanza needs a 'to': " + stanza.toXML());
		}
		if (!this.connected) {
			throw new StanzaNotSentException("Not connected: stanza to " + stanza.getTo() + " not sent");
		}
		if (stanza.getFrom() == null) {
			stanza.setFrom(this.componentJid);
		}
		this.sent.add(stanza.createCopy());
	}

	@Override
	public CompletableFuture<IQ> request(IQ request) {
		return request(request, Duration.ofSeconds(10));
	}

	@Override
	public CompletableFuture<IQ> request(IQ request, Duration timeout) {
		this.requests.add(request.createCopy());
		send(request);
		return new CompletableFuture<>();
	}

	/** Everything sent so far, in order. */
	public List<Packet> sent() {
		return new ArrayList<>(this.sent);
	}

	/** The IQ requests sent so far. */
	public List<IQ> requests() {
		return new ArrayList<>(this.requests);
	}

	/** The only stanza sent so far; fails when none or more than one was sent. */
	public Packet single() {
		List<Packet> all = sent();
		if (all.size() != 1) {
			throw new AssertionError("Expected exactly one stanza sent, got " + all.size() + ": " + xml(all));
		}
		return all.get(0);
	}

	public void clear() {
		this.sent.clear();
	}

	private static List<String> xml(List<Packet> stanzas) {
		return stanzas.stream().map(Packet::toXML).toList();
	}

}
