package dev.kindling.template;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationListener;
import org.springframework.util.Assert;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.Packet;

import dev.kindling.RequestTimeoutException;
import dev.kindling.StanzaNotSentException;
import dev.kindling.XmppErrorException;
import dev.kindling.connection.ComponentDisconnectedEvent;
import dev.kindling.connection.OutboundQueue;
import dev.kindling.observe.DefaultRequestObservationConvention;
import dev.kindling.observe.RequestObservationContext;
import dev.kindling.observe.RequestObservationConvention;
import dev.kindling.observe.RequestOutcome;
import dev.kindling.observe.XmppObservationDocumentation;

/**
 * The {@link XmppTemplate} on top of the connection's {@link OutboundQueue}. Requests still waiting
 * when the stream is lost fail at once instead of running into their timeout.
 */
public class DefaultXmppTemplate implements XmppTemplate, ApplicationListener<ComponentDisconnectedEvent> {

	private final JID componentJid;

	private final OutboundQueue outbound;

	private final PendingRequests pending;

	private final Duration requestTimeout;

	private final String idPrefix = "k" + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36) + "-";

	private final AtomicLong ids = new AtomicLong();

	private @Nullable Supplier<String> idMark;

	private static final RequestObservationConvention DEFAULT_CONVENTION = new DefaultRequestObservationConvention();

	private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

	private @Nullable RequestObservationConvention observationConvention;

	public DefaultXmppTemplate(String domain, OutboundQueue outbound, PendingRequests pending, Duration requestTimeout) {
		this.componentJid = new JID(null, domain, null);
		this.outbound = outbound;
		this.pending = pending;
		this.requestTimeout = requestTimeout;
	}

	/**
	 * Observe every {@link #request} as an {@link XmppObservationDocumentation#REQUEST} observation,
	 * a child of the observation in scope (the handler's, when a handler makes the request). With
	 * the default {@link ObservationRegistry#NOOP} nothing is made. Set before the first request.
	 */
	public void setObservationRegistry(ObservationRegistry observationRegistry) {
		this.observationRegistry = observationRegistry;
	}

	/** A convention of your own for request observations; {@code null} for {@link DefaultRequestObservationConvention}. */
	public void setObservationConvention(@Nullable RequestObservationConvention observationConvention) {
		this.observationConvention = observationConvention;
	}

	@Override
	public JID componentJid() {
		return this.componentJid;
	}

	@Override
	public void send(Packet stanza) {
		// The caller may change or reuse its stanza as soon as this returns; the writer thread
		// serializes later, so it gets a copy of its own.
		this.outbound.offer(addressed(stanza).createCopy());
	}

	@Override
	public void sendWithoutCopy(Packet stanza) {
		this.outbound.offer(addressed(stanza));
	}

	private Packet addressed(Packet stanza) {
		Assert.notNull(stanza.getTo(), () -> "A stanza needs a 'to': " + stanza.toXML());
		JID from = stanza.getFrom();
		if (from == null) {
			stanza.setFrom(this.componentJid);
		}
		else if (!this.componentJid.getDomain().equals(from.getDomain())) {
			throw new IllegalArgumentException("'from' " + from + " is outside the component's domain "
					+ this.componentJid.getDomain() + "; the server would close the stream for it");
		}
		return stanza;
	}

	@Override
	public CompletableFuture<IQ> request(IQ request) {
		return request(request, this.requestTimeout);
	}

	@Override
	public CompletableFuture<IQ> request(IQ request, Duration timeout) {
		Assert.isTrue(request.isRequest(), "Only IQ get and set are requests");
		if (request.getID() == null) {
			request.setID(nextId());
		}
		else if (this.idMark != null) {
			// Tinder numbers every new IQ itself: the mark must go in front of that id too.
			String mark = this.idMark.get();
			if (!request.getID().startsWith(mark)) {
				request.setID(mark + request.getID());
			}
		}
		if (this.observationRegistry.isNoop()) {
			return exchange(request, timeout);
		}
		RequestObservationContext context = new RequestObservationContext(request);
		Observation observation = XmppObservationDocumentation.REQUEST
			.observation(this.observationConvention, DEFAULT_CONVENTION, () -> context, this.observationRegistry)
			.start();
		CompletableFuture<IQ> answer;
		try {
			answer = exchange(request, timeout);
		}
		catch (RuntimeException ex) {
			context.setOutcome(RequestOutcome.NOT_SENT);
			observation.error(ex);
			observation.stop();
			throw ex;
		}
		answer.whenComplete((result, ex) -> {
			RequestOutcome outcome = (ex == null) ? RequestOutcome.RESULT : outcome(ex);
			context.setOutcome(outcome);
			if (ex != null) {
				observation.error(ex);
			}
			observation.stop();
		});
		return answer;
	}

	private static RequestOutcome outcome(Throwable ex) {
		Throwable cause = (ex instanceof java.util.concurrent.CompletionException && ex.getCause() != null) ? ex.getCause()
				: ex;
		if (cause instanceof XmppErrorException) {
			return RequestOutcome.ERROR;
		}
		return (cause instanceof RequestTimeoutException) ? RequestOutcome.TIMEOUT : RequestOutcome.NOT_SENT;
	}

	private CompletableFuture<IQ> exchange(IQ request, Duration timeout) {
		CompletableFuture<IQ> answer;
		try {
			answer = this.pending.register(request, timeout);
		}
		catch (StanzaNotSentException ex) {
			return CompletableFuture.failedFuture(ex);
		}
		try {
			send(request);
		}
		catch (StanzaNotSentException ex) {
			this.pending.cancel(request.getID(), ex);
		}
		catch (RuntimeException ex) {
			this.pending.cancel(request.getID(), ex);
			throw ex;
		}
		return answer;
	}

	@Override
	public void onApplicationEvent(ComponentDisconnectedEvent event) {
		this.pending.failAll("The component stream was lost before the answer arrived");
	}

	/**
	 * Put a mark in front of every id this template makes and of every request's id, read at each
	 * id: a balanced replica's home key, which tells the other replicas whose request an answer
	 * belongs to. Set before the component connects; without one, ids are as they always were.
	 */
	public void setIdMark(Supplier<String> idMark) {
		this.idMark = idMark;
	}

	/** A fresh stanza id, unique for this template. */
	public String nextId() {
		Supplier<String> mark = this.idMark;
		String id = this.idPrefix + this.ids.incrementAndGet();
		return (mark != null) ? mark.get() + id : id;
	}

}
