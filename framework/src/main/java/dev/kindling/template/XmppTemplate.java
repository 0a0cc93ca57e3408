package dev.kindling.template;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;

/**
 * Sends stanzas from the component. Safe to call from handlers and from any other bean, on any
 * thread; never blocks for an outage.
 *
 * <p>Every stanza leaves with a {@code from} inside the component's domain: a missing one is set to
 * the domain itself, a foreign one is refused (the server would close the stream for it).
 *
 * <p>A stanza handed to {@link #send} is never shared with the writer thread: the template fills in
 * a missing {@code from} (and {@link #request} an id), then queues a copy. Changing or reusing the
 * stanza after the call returns does not change what is written.
 */
public interface XmppTemplate {

	/** The component's own address (its bare domain). */
	JID componentJid();

	/**
	 * Queue a stanza for sending.
	 * @throws dev.kindling.StanzaNotSentException when the component is not connected or the
	 * outbound buffer is full
	 * @throws IllegalArgumentException when the stanza has no {@code to} or a foreign {@code from}
	 */
	void send(Packet stanza);

	/**
	 * {@link #send} without the copy, for a stanza built for this one send that no one changes
	 * afterwards, as Kindling's own replies are: it is queued as it is, and changing it after the call
	 * races with the writer thread. Application code should call {@link #send}.
	 */
	default void sendWithoutCopy(Packet stanza) {
		send(stanza);
	}

	/** Send a {@code chat} message with a body from the component's domain. */
	default void sendMessage(JID to, String body) {
		Message message = new Message();
		message.setType(Message.Type.chat);
		message.setTo(to);
		message.setBody(body);
		// Built here for this send alone: nothing else holds it, so no copy is needed.
		sendWithoutCopy(message);
	}

	/**
	 * Send an IQ {@code get} or {@code set} and receive its answer. The future completes with the
	 * {@code result}, or exceptionally with {@link dev.kindling.XmppErrorException} (an
	 * {@code error} answer), {@link dev.kindling.RequestTimeoutException} (no answer in the default
	 * timeout) or {@link dev.kindling.StanzaNotSentException} (not sent, or the connection was lost
	 * while waiting). An id is assigned when the request has none.
	 */
	CompletableFuture<IQ> request(IQ request);

	/** {@link #request(IQ)} with its own timeout. */
	CompletableFuture<IQ> request(IQ request, Duration timeout);

}
