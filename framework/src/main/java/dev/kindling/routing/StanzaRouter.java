package dev.kindling.routing;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.handler.invocation.HandlerMethodReturnValueHandler;
import org.xmpp.packet.IQ;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;
import org.xmpp.packet.PacketError;
import org.xmpp.packet.PacketError.Condition;

import dev.kindling.StanzaNotSentException;
import dev.kindling.handler.HandlerRegistry;
import dev.kindling.handler.HandlerRegistry.Route;
import dev.kindling.handler.InboundStanza;
import dev.kindling.handler.Replies;
import dev.kindling.handler.StanzaHandler;
import dev.kindling.handler.XmppExceptionHandlers;
import dev.kindling.observe.DefaultHandlerObservationConvention;
import dev.kindling.observe.HandlerObservationContext;
import dev.kindling.observe.HandlerObservationConvention;
import dev.kindling.observe.HandlerOutcome;
import dev.kindling.observe.StanzaObserver;
import dev.kindling.observe.XmppObservationDocumentation;
import dev.kindling.template.PendingRequests;
import dev.kindling.template.XmppTemplate;

/**
 * Routes one stanza: answers to our requests complete their futures; everything else goes to the
 * handler the {@link HandlerRegistry} picks, and its return value, future or exception becomes the
 * reply. Guarantees every IQ request exactly one answer and never answers an error.
 */
public final class StanzaRouter {

	private static final Logger logger = LoggerFactory.getLogger(StanzaRouter.class);

	private static final HandlerObservationConvention DEFAULT_CONVENTION = new DefaultHandlerObservationConvention();

	private final HandlerRegistry registry;

	private final HandlerMethodReturnValueHandler returnValueHandler;

	private final XmppTemplate template;

	private final PendingRequests pendingRequests;

	private final AtomicInteger pendingReplies = new AtomicInteger();

	private final StanzaObserver observer;

	private final List<RoutingInterceptor> interceptors;

	private final HandlerFailures failures;

	private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

	private @Nullable HandlerObservationConvention observationConvention;

	/**
	 * @param exceptionHandlers the {@code @XmppExceptionHandler} methods tried before the default
	 * mapping of {@link StanzaErrors}
	 */
	public StanzaRouter(HandlerRegistry registry, HandlerMethodReturnValueHandler returnValueHandler,
			XmppTemplate template, PendingRequests pendingRequests, StanzaObserver observer,
			List<RoutingInterceptor> interceptors, XmppExceptionHandlers exceptionHandlers) {
		this.failures = new HandlerFailures(exceptionHandlers, observer, this::replyError, template::sendWithoutCopy);
		this.interceptors = List.copyOf(interceptors);
		this.observer = observer;
		this.registry = registry;
		this.returnValueHandler = returnValueHandler;
		this.template = template;
		this.pendingRequests = pendingRequests;
	}

	/**
	 * Observe every handler invocation as an {@link XmppObservationDocumentation#HANDLER}
	 * observation, in scope while the method runs, so that what it does (an
	 * {@code XmppTemplate.request}, a database call) is a child. With the default
	 * {@link ObservationRegistry#NOOP} nothing is made per stanza. Set before the first stanza.
	 */
	public void setObservationRegistry(ObservationRegistry observationRegistry) {
		this.observationRegistry = observationRegistry;
	}

	/** A convention of your own for handler observations; {@code null} for {@link DefaultHandlerObservationConvention}. */
	public void setObservationConvention(@Nullable HandlerObservationConvention observationConvention) {
		this.observationConvention = observationConvention;
	}

	public void route(Packet stanza) {
		if (stanza instanceof IQ iq && iq.isResponse()) {
			if (!this.pendingRequests.complete(iq)) {
				logger.debug("Dropped an IQ {} from {} that answers no request of ours (id {})", iq.getType(),
						iq.getFrom(), iq.getID());
			}
			return;
		}
		if (!preRoute(stanza)) {
			return;
		}
		Route route = this.registry.lookup(stanza);
		if (route == null) {
			unhandled(stanza);
			return;
		}
		invoke(route.handler(), new InboundStanza(stanza, route.bodyMatch(), this.template, Map.of()));
	}

	private boolean preRoute(Packet stanza) {
		for (RoutingInterceptor interceptor : this.interceptors) {
			try {
				if (!interceptor.preRoute(stanza)) {
					return false;
				}
			}
			catch (RuntimeException ex) {
				logger.error("{} failed on a {} from {}", interceptor, stanza.getElement().getName(), stanza.getFrom(), ex);
				return false;
			}
		}
		return true;
	}

	/**
	 * Invoke an endpoint that a module chose for one of its own events (see
	 * {@link dev.kindling.handler.EndpointMapping}), as a routed stanza's handler is invoked: observed,
	 * its return value handled, its exception given to the exception handlers and otherwise logged.
	 * Never throws. An error answer goes only where {@link #replyError} would send one, so never
	 * into a room.
	 */
	public void dispatch(StanzaHandler handler, InboundStanza inbound) {
		invoke(handler, inbound);
	}

	private void invoke(StanzaHandler handler, InboundStanza inbound) {
		// Checked first so that the unobserved path makes no context, lambda or scope.
		Observation observation = this.observationRegistry.isNoop() ? null : startObservation(handler, inbound);
		long start = System.nanoTime();
		Object value;
		Observation.Scope scope = (observation != null) ? observation.openScope() : null;
		try {
			value = handler.invoke(inbound);
		}
		catch (Throwable ex) {
			closeScope(scope);
			Throwable failure = unwrap(ex);
			stopObservation(observation, this.failures.failed(handler, inbound, failure, System.nanoTime() - start),
					failure);
			return;
		}
		closeScope(scope);
		if (handler.isAsync() && value instanceof CompletionStage<?> stage) {
			this.pendingReplies.incrementAndGet();
			stage.whenComplete((result, ex) -> {
				try {
					if (ex != null) {
						Throwable failure = unwrap(ex);
						stopObservation(observation,
								this.failures.failed(handler, inbound, failure, System.nanoTime() - start), failure);
					}
					else {
						this.observer.handled(handler, inbound.getPayload(), System.nanoTime() - start,
								HandlerOutcome.SUCCESS, null);
						stopObservation(observation, HandlerOutcome.SUCCESS, null);
						complete(handler, inbound, result);
					}
				}
				finally {
					this.pendingReplies.decrementAndGet();
				}
			});
		}
		else {
			this.observer.handled(handler, inbound.getPayload(), System.nanoTime() - start, HandlerOutcome.SUCCESS, null);
			stopObservation(observation, HandlerOutcome.SUCCESS, null);
			complete(handler, inbound, value);
		}
	}

	/**
	 * Call an endpoint that a module invokes itself for a notification it found in the stanza being
	 * routed (each item of a pubsub event): timed and observed like a routed handler, a failure
	 * handed to the {@code @XmppExceptionHandler} methods of its bean and advice, but nothing answered
	 * on its behalf and its return value ignored, because notifications are never answered.
	 * @param facts the per-call facts the endpoint's resolvers read from the headers
	 * @return the failure no exception handler took (for the caller to log with what it knows), or
	 * {@code null}
	 */
	public @Nullable Throwable invokeNotification(StanzaHandler endpoint, Packet stanza, Map<String, Object> facts) {
		InboundStanza inbound = new InboundStanza(stanza, null, this.template, facts);
		Observation observation = this.observationRegistry.isNoop() ? null : startObservation(endpoint, inbound);
		Observation.Scope scope = (observation != null) ? observation.openScope() : null;
		long start = System.nanoTime();
		try {
			endpoint.invoke(inbound);
		}
		catch (Throwable ex) {
			closeScope(scope);
			Throwable failure = unwrap(ex);
			Throwable left = this.failures.notificationFailed(endpoint, inbound, failure, System.nanoTime() - start);
			stopObservation(observation, (left != null) ? HandlerOutcome.of(failure) : HandlerOutcome.REJECTED, failure);
			return left;
		}
		closeScope(scope);
		this.observer.handled(endpoint, stanza, System.nanoTime() - start, HandlerOutcome.SUCCESS, null);
		stopObservation(observation, HandlerOutcome.SUCCESS, null);
		return null;
	}

	private Observation startObservation(StanzaHandler handler, InboundStanza inbound) {
		HandlerObservationContext context = new HandlerObservationContext(handler, inbound.getPayload());
		return XmppObservationDocumentation.HANDLER
			.observation(this.observationConvention, DEFAULT_CONVENTION, () -> context, this.observationRegistry)
			.start();
	}

	private static void closeScope(Observation.@Nullable Scope scope) {
		if (scope != null) {
			scope.close();
		}
	}

	private static void stopObservation(@Nullable Observation observation, HandlerOutcome outcome,
			@Nullable Throwable failure) {
		if (observation == null) {
			return;
		}
		if (observation.getContext() instanceof HandlerObservationContext context) {
			context.setOutcome(outcome);
		}
		if (failure != null && outcome != HandlerOutcome.SUCCESS) {
			observation.error(failure);
		}
		observation.stop();
	}

	private void complete(StanzaHandler handler, InboundStanza inbound, @Nullable Object value) {
		try {
			if (value != null) {
				this.returnValueHandler.handleReturnValue(value, handler.returnType(), inbound);
			}
			if (inbound.awaitsAnswer()) {
				inbound.sendWithoutCopy(Replies.result((IQ) inbound.getPayload()));
			}
		}
		catch (StanzaNotSentException ex) {
			logger.warn("Could not send the reply of {}: {}", handler.name(), ex.getMessage());
		}
		catch (Throwable ex) {
			this.failures.replyFailed(handler, inbound, ex);
		}
	}

	private void unhandled(Packet stanza) {
		if (stanza instanceof IQ iq && iq.isRequest()) {
			// RFC 6120 §8.4: a request nobody here serves.
			replyError(iq, Condition.service_unavailable);
		}
		else if (stanza instanceof Message message && message.getBody() != null
				&& (message.getType() == Message.Type.chat || message.getType() == Message.Type.normal)) {
			replyError(message, Condition.service_unavailable);
		}
		else {
			logger.debug("No handler for {}", stanza.toXML());
		}
	}

	/** Asynchronous handlers whose reply is still to come. */
	public int pendingReplies() {
		return this.pendingReplies.get();
	}

	/**
	 * Answer a stanza with an error, unless it is an error itself or a groupchat message (an error
	 * sent into a room can get the component kicked from it).
	 */
	public void replyError(Packet stanza, Condition condition) {
		replyError(stanza, new PacketError(condition));
	}

	/**
	 * Answer a stanza with the given error, under the same rules as {@link #replyError(Packet, Condition)}.
	 * The error must be a fresh one: it becomes part of the answer.
	 */
	public void replyError(Packet stanza, PacketError error) {
		if (Replies.isError(stanza) || stanza.getFrom() == null
				|| (stanza instanceof Message message && message.getType() == Message.Type.groupchat)) {
			return;
		}
		for (RoutingInterceptor interceptor : this.interceptors) {
			if (!interceptor.mayAnswerWithError(stanza)) {
				logger.debug("Not answering {} from {} with {}: {} forbids it", stanza.getElement().getName(),
						stanza.getFrom(), error.getCondition().toXMPP(), interceptor);
				return;
			}
		}
		try {
			this.template.sendWithoutCopy(Replies.error(stanza, error));
		}
		catch (StanzaNotSentException ex) {
			logger.warn("Could not send {} to {}: {}", error.getCondition().toXMPP(), stanza.getFrom(), ex.getMessage());
		}
	}

	private static Throwable unwrap(Throwable ex) {
		Throwable cause = ex;
		while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
			cause = cause.getCause();
		}
		return cause;
	}

}
