package dev.kindling.handler;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;

import org.dom4j.Element;
import org.jspecify.annotations.Nullable;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.Packet;

import dev.kindling.template.XmppTemplate;

/**
 * One stanza on its way through a handler: the spring-messaging {@link Message} the argument
 * resolvers and return value handlers see, plus what routing learned (the body match) and whether
 * an IQ request has been answered yet.
 */
public final class InboundStanza implements Message<Packet> {

	private final Packet stanza;

	private final @Nullable Matcher bodyMatch;

	private final XmppTemplate template;

	private volatile boolean answered;

	private final Map<String, Object> facts;

	/** What is worked out only when asked for; most stanzas never need it (one field, for a small object). */
	private @Nullable Derived derived;

	/**
	 * @param bodyMatch the route's match of the message body, or {@code null} when it has no pattern
	 * @param facts what a module that calls its endpoints itself ({@link EndpointMapping}) learned
	 * for this call (such as the pubsub item), added to the headers for its argument resolvers;
	 * empty for a routed stanza
	 */
	public InboundStanza(Packet stanza, @Nullable Matcher bodyMatch, XmppTemplate template, Map<String, Object> facts) {
		this.stanza = stanza;
		this.bodyMatch = bodyMatch;
		this.template = template;
		this.facts = facts;
	}

	private Derived derived() {
		if (this.derived == null) {
			this.derived = new Derived();
		}
		return this.derived;
	}

	@Override
	public Packet getPayload() {
		return this.stanza;
	}

	/** The stanza's facts ({@link XmppHeaders}), built on first use: most stanzas never need them. */
	@Override
	public MessageHeaders getHeaders() {
		Derived derived = derived();
		if (derived.headers == null) {
			Map<String, Object> facts = new HashMap<>(this.facts);
			facts.put(XmppHeaders.KIND, StanzaKind.of(this.stanza));
			Element element = this.stanza.getElement();
			putIfPresent(facts, XmppHeaders.FROM, element.attributeValue("from"));
			putIfPresent(facts, XmppHeaders.TO, element.attributeValue("to"));
			putIfPresent(facts, XmppHeaders.ID, element.attributeValue("id"));
			putIfPresent(facts, XmppHeaders.TYPE, element.attributeValue("type"));
			putIfPresent(facts, XmppHeaders.BODY_MATCH, this.bodyMatch);
			derived.headers = new StanzaHeaders(facts);
		}
		return derived.headers;
	}

	private static void putIfPresent(Map<String, Object> facts, String name, @Nullable Object value) {
		if (value != null) {
			facts.put(name, value);
		}
	}

	/** One of the facts the module that calls an endpoint ({@link EndpointMapping}) gave for this call. */
	public @Nullable Object fact(String name) {
		return this.facts.get(name);
	}

	/** The matcher of the handler's body pattern, if it has one. */
	public @Nullable Matcher bodyMatch() {
		return this.bodyMatch;
	}

	/** A command's arguments, split from the body once (a handler's arguments resolve on one thread). */
	Map<String, @Nullable String> commandArguments(CommandDescriptor command) {
		Derived derived = derived();
		if (derived.commandArguments == null) {
			String text = (this.bodyMatch != null) ? this.bodyMatch.group(MessageCondition.COMMAND_ARGUMENTS) : null;
			derived.commandArguments = command.parse((text != null) ? text : "");
		}
		return derived.commandArguments;
	}

	public XmppTemplate template() {
		return this.template;
	}

	/** Whether this is an IQ request that has received its one answer. */
	public boolean isAnswered() {
		return this.answered;
	}

	/** Whether this stanza still owes its sender an answer: an IQ request not yet answered. */
	public boolean awaitsAnswer() {
		return this.stanza instanceof IQ iq && iq.isRequest() && !this.answered;
	}

	/**
	 * Send a stanza in the context of this one: a missing {@code to} is the sender (refused when this
	 * stanza is an error, which is never answered), a missing {@code from} the address the sender
	 * wrote to. An IQ {@code result} or {@code error} with this
	 * request's id counts as its answer; a second answer is refused. Like
	 * {@link XmppTemplate#send}, the stanza is copied: the caller may change it afterwards.
	 */
	public void send(Packet outbound) {
		this.template.send(addressed(outbound));
	}

	/**
	 * {@link #send} without the copy, for a stanza Kindling built for this reply alone (see
	 * {@link XmppTemplate#sendWithoutCopy}).
	 */
	public void sendWithoutCopy(Packet outbound) {
		this.template.sendWithoutCopy(addressed(outbound));
	}

	private Packet addressed(Packet outbound) {
		if (outbound.getTo() == null) {
			outbound.setTo(this.stanza.getFrom());
		}
		if (Replies.isError(this.stanza) && outbound.getTo().equals(this.stanza.getFrom())) {
			// Answering an error invites an error loop; a handler of errors sends elsewhere or not at all.
			throw new IllegalStateException("An error stanza is never answered; not sending " + outbound.toXML());
		}
		if (outbound.getFrom() == null) {
			outbound.setFrom(this.stanza.getTo());
		}
		markIfAnswer(outbound);
		return outbound;
	}

	/**
	 * The template as the handler should see it: sending this request's answer through it counts
	 * as the answer, so no second one follows.
	 */
	public XmppTemplate replyAwareTemplate() {
		return new ReplyAwareTemplate();
	}

	private void markIfAnswer(Packet outbound) {
		if (answers(outbound)) {
			synchronized (this) {
				if (this.answered) {
					throw new IllegalStateException("IQ '" + this.stanza.getID() + "' was answered already");
				}
				this.answered = true;
			}
		}
	}

	private boolean answers(Packet outbound) {
		return this.stanza instanceof IQ request && request.isRequest() && outbound instanceof IQ answer
				&& answer.isResponse() && request.getID() != null && request.getID().equals(answer.getID());
	}

	private final class ReplyAwareTemplate implements XmppTemplate {

		@Override
		public JID componentJid() {
			return InboundStanza.this.template.componentJid();
		}

		@Override
		public void send(Packet stanza) {
			markIfAnswer(stanza);
			InboundStanza.this.template.send(stanza);
		}

		@Override
		public void sendWithoutCopy(Packet stanza) {
			markIfAnswer(stanza);
			InboundStanza.this.template.sendWithoutCopy(stanza);
		}

		@Override
		public CompletableFuture<IQ> request(IQ request) {
			return InboundStanza.this.template.request(request);
		}

		@Override
		public CompletableFuture<IQ> request(IQ request, Duration timeout) {
			return InboundStanza.this.template.request(request, timeout);
		}

	}

	/** A stanza's headers and command arguments, once asked for. */
	private static final class Derived {

		@Nullable MessageHeaders headers;

		@Nullable Map<String, @Nullable String> commandArguments;

	}

	/** Headers without the generated id and timestamp, which a stanza does not need. */
	private static final class StanzaHeaders extends MessageHeaders {

		StanzaHeaders(Map<String, Object> facts) {
			super(facts, ID_VALUE_NONE, -1L);
		}

	}

}
