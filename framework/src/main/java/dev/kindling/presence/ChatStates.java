package dev.kindling.presence;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import org.xmpp.packet.Message;

import dev.kindling.StanzaNotSentException;
import dev.kindling.handler.Replies;
import dev.kindling.template.XmppTemplate;

/**
 * Chat states (XEP-0085) around replies that take a while: tell the user the bot is composing,
 * then reply with {@code active}.
 *
 * <pre class="code">
 * &#64;OnMessage(type = MessageType.CHAT, body = "!slow")
 * CompletableFuture&lt;Message&gt; slow(Message message) {
 *     return chatStates.composingWhile(message, () -&gt; service.answerAsync());
 * }
 * </pre>
 */
public final class ChatStates {

	public static final String NAMESPACE = "http://jabber.org/protocol/chatstates";

	private final XmppTemplate template;

	public ChatStates(XmppTemplate template) {
		this.template = template;
	}

	/** Tell the sender of {@code inbound} that the bot is composing a reply. */
	public void composing(Message inbound) {
		state(inbound, "composing");
	}

	/** Tell the sender the bot stopped composing for now. */
	public void paused(Message inbound) {
		state(inbound, "paused");
	}

	/** A reply (same type, to the full JID that wrote) carrying {@code active}. */
	public Message reply(Message inbound, String body) {
		Message reply = Replies.message(inbound, body);
		reply.addChildElement("active", NAMESPACE);
		return reply;
	}

	/**
	 * Send {@code composing} now and complete with the {@code active} reply once the work is done;
	 * return the future from a handler to have the reply sent.
	 */
	public CompletableFuture<Message> composingWhile(Message inbound, Supplier<CompletableFuture<String>> work) {
		composing(inbound);
		return work.get().thenApply((body) -> reply(inbound, body));
	}

	private void state(Message inbound, String state) {
		Message message = new Message();
		message.setType(inbound.getType());
		message.setTo(inbound.getFrom());
		message.setFrom(inbound.getTo());
		if (inbound.getThread() != null) {
			message.setThread(inbound.getThread());
		}
		message.addChildElement(state, NAMESPACE);
		try {
			this.template.sendWithoutCopy(message);
		}
		catch (StanzaNotSentException ex) {
			// A lost chat state is harmless: the reply still follows when the stream is back.
		}
	}

}
