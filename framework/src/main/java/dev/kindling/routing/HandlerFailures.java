package dev.kindling.routing;

import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xmpp.packet.IQ;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;
import org.xmpp.packet.PacketError;

import dev.kindling.StanzaNotSentException;
import dev.kindling.XmppErrorException;
import dev.kindling.handler.ArgumentRejectedException;
import dev.kindling.handler.EndpointException;
import dev.kindling.handler.ExceptionHandlerMethod;
import dev.kindling.handler.InboundStanza;
import dev.kindling.handler.Replies;
import dev.kindling.handler.StanzaHandler;
import dev.kindling.handler.XmppExceptionHandlers;
import dev.kindling.observe.HandlerOutcome;
import dev.kindling.observe.StanzaObserver;

/**
 * What happens when a handler fails: an {@code @XmppExceptionHandler} method answers if one takes
 * the exception, otherwise {@link StanzaErrors} maps it; the observer learns the
 * {@link HandlerOutcome}; an IQ request still unanswered gets exactly one error. Nothing here
 * throws: an exception handler's own failure is logged and mapped by the default rules.
 */
final class HandlerFailures {

	private static final Logger logger = LoggerFactory.getLogger(StanzaRouter.class);

	private final XmppExceptionHandlers exceptionHandlers;

	private final StanzaObserver observer;

	/** The router's error reply: never into rooms, never to an error, and asks its interceptors. */
	private final BiConsumer<Packet, PacketError> replyError;

	/** Sends an answer that is not an error. */
	private final Consumer<Packet> sender;

	HandlerFailures(XmppExceptionHandlers exceptionHandlers, StanzaObserver observer,
			BiConsumer<Packet, PacketError> replyError, Consumer<Packet> sender) {
		this.exceptionHandlers = exceptionHandlers;
		this.observer = observer;
		this.replyError = replyError;
		this.sender = sender;
	}

	/** A handler threw or its future failed after {@code nanos}: answer and observe; returns the outcome observed. */
	HandlerOutcome failed(StanzaHandler handler, InboundStanza inbound, Throwable ex, long nanos) {
		return handle(handler, inbound, ex, nanos, true);
	}

	/** Sending the handler's return value failed; its invocation was observed already. */
	void replyFailed(StanzaHandler handler, InboundStanza inbound, Throwable ex) {
		handle(handler, inbound, ex, 0, false);
	}

	/**
	 * A notification endpoint failed: its exception handlers see the exception, but nothing is
	 * answered (an exception handler may still send through the template).
	 * @return the failure left to the caller to log, or {@code null} when an exception handler took it
	 */
	@Nullable Throwable notificationFailed(StanzaHandler endpoint, InboundStanza inbound, Throwable ex, long nanos) {
		Packet stanza = inbound.getPayload();
		ExceptionHandlerMethod method = this.exceptionHandlers.find(endpoint.bean(), ex);
		if (method == null) {
			this.observer.handled(endpoint, stanza, nanos, HandlerOutcome.of(ex), ex);
			return ex;
		}
		Object value;
		try {
			value = method.invoke(inbound, ex);
		}
		catch (Throwable thrown) {
			this.observer.handled(endpoint, stanza, nanos, HandlerOutcome.FAILURE, ex);
			return thrown;
		}
		this.observer.handled(endpoint, stanza, nanos, method.isCatchAll() ? HandlerOutcome.of(ex) : HandlerOutcome.REJECTED,
				ex);
		logger.debug("{} took {} of {}{}", method.name(), ex.toString(), endpoint.name(),
				(value != null) ? "; its return value is not sent, a notification is never answered" : "");
		return null;
	}

	private HandlerOutcome handle(StanzaHandler handler, InboundStanza inbound, Throwable ex, long nanos, boolean observe) {
		if (ex instanceof EndpointException delegated && delegated.getCause() != null) {
			// An endpoint the routed handler called for this stanza failed: its bean and advice answer the
			// cause, while the observation stays the routed handler's, like its successes.
			return handle(handler, delegated.endpoint(), inbound, delegated.getCause(), nanos, observe);
		}
		return handle(handler, handler, inbound, ex, nanos, observe);
	}

	private HandlerOutcome handle(StanzaHandler handler, StanzaHandler failed, InboundStanza inbound, Throwable ex,
			long nanos, boolean observe) {
		Packet stanza = inbound.getPayload();
		ExceptionHandlerMethod method = this.exceptionHandlers.find(failed.bean(), ex);
		if (method == null) {
			HandlerOutcome outcome = HandlerOutcome.of(ex);
			if (observe) {
				this.observer.handled(handler, stanza, nanos, outcome, ex);
			}
			answerByDefault(failed.name(), inbound, ex);
			return outcome;
		}
		Object value;
		try {
			value = method.invoke(inbound, ex);
		}
		catch (Throwable thrown) {
			HandlerOutcome outcome = (thrown instanceof XmppErrorException) ? HandlerOutcome.of(thrown)
					: HandlerOutcome.FAILURE;
			if (observe) {
				this.observer.handled(handler, stanza, nanos, outcome, ex);
			}
			answerByDefault(method.name(), inbound, thrown);
			return outcome;
		}
		HandlerOutcome outcome = (value instanceof XmppErrorException error) ? HandlerOutcome.of(error)
				: method.isCatchAll() ? HandlerOutcome.of(ex) : HandlerOutcome.REJECTED;
		if (observe) {
			this.observer.handled(handler, stanza, nanos, outcome, ex);
		}
		if (outcome == HandlerOutcome.FAILURE) {
			// A catch-all answered a bug: the answer is the author's, the stack trace still ours to show.
			logger.error("{} failed on a {} from {}; {} answered", failed.name(), stanza.getElement().getName(),
					stanza.getFrom(), method.name(), ex);
		}
		else {
			logger.debug("{} answered {} of {} on a {} from {}", method.name(), ex.toString(), failed.name(),
					stanza.getElement().getName(), stanza.getFrom());
		}
		answer(method, inbound, ex, value);
		return outcome;
	}

	/** The exception handler's return value becomes the answer; an IQ request still owed one gets the default error. */
	private void answer(ExceptionHandlerMethod method, InboundStanza inbound, Throwable ex, @Nullable Object value) {
		Packet stanza = inbound.getPayload();
		try {
			if (value instanceof XmppErrorException error) {
				replyError(inbound, error.toPacketError());
				return;
			}
			String text = null;
			if (value instanceof String string) {
				if (stanza instanceof Message message) {
					inbound.sendWithoutCopy(Replies.toSender(message, string));
				}
				else {
					text = string;
				}
			}
			else if (value instanceof Packet packet) {
				inbound.send(packet);
			}
			if (inbound.awaitsAnswer()) {
				PacketError error = StanzaErrors.toError(ex);
				if (text != null) {
					error.setText(text);
				}
				replyError(inbound, error);
			}
		}
		catch (StanzaNotSentException sendFailure) {
			logger.warn("Could not send the answer of {}: {}", method.name(), sendFailure.getMessage());
		}
		catch (RuntimeException sendFailure) {
			logger.error("Could not send the answer of {}", method.name(), sendFailure);
			answerByDefault(method.name(), inbound, sendFailure);
		}
	}

	/** Today's rules: log (a stack trace only for the unexpected) and answer what {@link StanzaErrors} maps. */
	private void answerByDefault(String name, InboundStanza inbound, Throwable ex) {
		Packet stanza = inbound.getPayload();
		if (StanzaErrors.isExpected(ex)) {
			logger.debug("{} answered {} from {} with {}", name, stanza.getElement().getName(), stanza.getFrom(),
					ex.getMessage());
		}
		else {
			logger.error("{} failed on a {} from {}", name, stanza.getElement().getName(), stanza.getFrom(), ex);
		}
		if (ex instanceof ArgumentRejectedException rejected && stanza instanceof Message message) {
			answerSender(message, rejected.getText());
			return;
		}
		replyError(inbound, StanzaErrors.toError(ex));
	}

	/**
	 * A user's mistake in a message is answered in the conversation, where a person reads it (an
	 * error stanza is shown by few clients, and one sent into a room gets the bot kicked).
	 */
	private void answerSender(Message message, @Nullable String text) {
		if (Replies.isError(message) || message.getFrom() == null || text == null) {
			return;
		}
		try {
			this.sender.accept(Replies.toSender(message, text));
		}
		catch (StanzaNotSentException ex) {
			logger.warn("Could not answer {}: {}", message.getFrom(), ex.getMessage());
		}
	}

	/** An error answer, unless an IQ request has been answered already (then it is only logged above). */
	private void replyError(InboundStanza inbound, PacketError error) {
		Packet stanza = inbound.getPayload();
		if (stanza instanceof IQ && !inbound.awaitsAnswer()) {
			return;
		}
		this.replyError.accept(stanza, error);
	}

}
