package dev.kindling.boot.actuate.metrics;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;
import org.xmpp.packet.IQ;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;
import org.xmpp.packet.PacketError;
import org.xmpp.packet.Presence;

import dev.kindling.ErrorCondition;
import dev.kindling.observe.DropReason;
import dev.kindling.observe.HandlerOutcome;
import dev.kindling.observe.ObservedHandler;
import dev.kindling.observe.RequestOutcome;
import dev.kindling.observe.StanzaObserver;

/**
 * Counts and times stanzas as Micrometer meters. Every tag comes from a closed set (stanza kinds
 * and types, error conditions, drop reasons, handler methods), never from an address, and the
 * meters for those sets are resolved up front so the reader and writer threads only increment.
 */
public class XmppStanzaMetrics implements StanzaObserver {

	private static final String UNKNOWN = "unknown";

	private final MeterRegistry registry;

	private final Direction received;

	private final Direction sent;

	private final Map<ErrorCondition, Counter> errorsSent = new EnumMap<>(ErrorCondition.class);

	private final Counter errorsSentUnknown;

	private final Map<DropReason, Counter> dropped = new EnumMap<>(DropReason.class);

	private final Map<RequestOutcome, Timer> requests = new EnumMap<>(RequestOutcome.class);

	private final Map<ObservedHandler, HandlerTimers> handlers = new ConcurrentHashMap<>();

	public XmppStanzaMetrics(MeterRegistry registry) {
		this.registry = registry;
		this.received = new Direction(registry, "xmpp.stanzas.received", "Stanzas received from the server");
		this.sent = new Direction(registry, "xmpp.stanzas.sent", "Stanzas written to the server");
		for (ErrorCondition condition : ErrorCondition.values()) {
			this.errorsSent.put(condition, errorCounter(registry, condition.toXmpp()));
		}
		this.errorsSentUnknown = errorCounter(registry, UNKNOWN);
		for (DropReason reason : DropReason.values()) {
			this.dropped.put(reason, Counter.builder("xmpp.stanzas.dropped")
				.description("Stanzas dropped without being handled or written")
				.tag("reason", tagValue(reason))
				.register(registry));
		}
		for (RequestOutcome outcome : RequestOutcome.values()) {
			this.requests.put(outcome, Timer.builder("xmpp.requests")
				.description("The component's own IQ requests, from sending to the answer or the timeout")
				.tag("outcome", tagValue(outcome))
				.register(registry));
		}
	}

	private static Counter errorCounter(MeterRegistry registry, String condition) {
		return Counter.builder("xmpp.stanza.errors.sent")
			.description("Stanza errors written to the server, by condition")
			.tag("condition", condition)
			.register(registry);
	}

	@Override
	public void received(Packet stanza) {
		this.received.count(stanza);
	}

	@Override
	public void sent(Packet stanza) {
		this.sent.count(stanza);
		if (isError(stanza)) {
			PacketError error = stanza.getError();
			// Read from the element: Tinder's getCondition() throws on conditions it lacks (policy-violation).
			((error != null) ? this.errorsSent.get(ErrorCondition.of(error)) : this.errorsSentUnknown).increment();
		}
	}

	@Override
	public void dropped(Packet stanza, DropReason reason) {
		this.dropped.get(reason).increment();
	}

	/** Classifies by {@link HandlerOutcome#of(Throwable)}, for callers that know no exception handlers. */
	@Override
	public void handled(ObservedHandler handler, Packet stanza, long nanos, @Nullable Throwable failure) {
		handled(handler, stanza, nanos, HandlerOutcome.of(failure), failure);
	}

	@Override
	public void handled(ObservedHandler handler, Packet stanza, long nanos, HandlerOutcome outcome,
			@Nullable Throwable failure) {
		HandlerTimers timers = this.handlers.get(handler);
		if (timers == null) {
			// Only the first stanza of each handler: the capturing lambda would be allocated every time.
			timers = this.handlers.computeIfAbsent(handler, (key) -> new HandlerTimers(this.registry, key));
		}
		timers.get(outcome).record(nanos, TimeUnit.NANOSECONDS);
	}

	@Override
	public void requestCompleted(IQ request, long nanos, RequestOutcome outcome) {
		this.requests.get(outcome).record(nanos, TimeUnit.NANOSECONDS);
	}

	private static boolean isError(Packet stanza) {
		if (stanza instanceof Message message) {
			return message.getType() == Message.Type.error;
		}
		if (stanza instanceof IQ iq) {
			return iq.getType() == IQ.Type.error;
		}
		if (stanza instanceof Presence presence) {
			return presence.getType() == Presence.Type.error;
		}
		return false;
	}

	static String tagValue(Enum<?> value) {
		return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	/** The counters of one direction, one per kind and type. */
	private static final class Direction {

		private final Map<Message.Type, Counter> messages = new EnumMap<>(Message.Type.class);

		private final Map<IQ.Type, Counter> iqs = new EnumMap<>(IQ.Type.class);

		private final Map<Presence.Type, Counter> presences = new EnumMap<>(Presence.Type.class);

		private final Counter availablePresence;

		private final Counter other;

		Direction(MeterRegistry registry, String name, String description) {
			for (Message.Type type : Message.Type.values()) {
				this.messages.put(type, counter(registry, name, description, "message", type.name()));
			}
			for (IQ.Type type : IQ.Type.values()) {
				this.iqs.put(type, counter(registry, name, description, "iq", type.name()));
			}
			for (Presence.Type type : Presence.Type.values()) {
				this.presences.put(type, counter(registry, name, description, "presence", type.name()));
			}
			this.availablePresence = counter(registry, name, description, "presence", "available");
			this.other = counter(registry, name, description, UNKNOWN, UNKNOWN);
		}

		private static Counter counter(MeterRegistry registry, String name, String description, String kind,
				String type) {
			return Counter.builder(name).description(description).tag("kind", kind).tag("type", type).register(registry);
		}

		void count(Packet stanza) {
			counter(stanza).increment();
		}

		private Counter counter(Packet stanza) {
			if (stanza instanceof Message message) {
				Message.Type type = message.getType();
				return this.messages.get((type != null) ? type : Message.Type.normal);
			}
			if (stanza instanceof IQ iq) {
				IQ.Type type = iq.getType();
				return (type != null) ? this.iqs.get(type) : this.other;
			}
			if (stanza instanceof Presence presence) {
				Presence.Type type = presence.getType();
				return (type != null) ? this.presences.get(type) : this.availablePresence;
			}
			return this.other;
		}

	}

	/** The timers of one handler method, one per outcome. */
	private static final class HandlerTimers {

		private final Timer[] timers = new Timer[HandlerOutcome.values().length];

		HandlerTimers(MeterRegistry registry, ObservedHandler handler) {
			for (HandlerOutcome outcome : HandlerOutcome.values()) {
				this.timers[outcome.ordinal()] = timer(registry, handler, outcome.tagValue());
			}
		}

		Timer get(HandlerOutcome outcome) {
			return this.timers[outcome.ordinal()];
		}

		private static Timer timer(MeterRegistry registry, ObservedHandler handler, String outcome) {
			return Timer.builder("xmpp.handler.duration")
				.description("Time handler methods take, to the method's return or its future's completion; "
						+ "outcome rejected is the sender's mistake (a client-side stanza error, an argument that "
						+ "does not bind, an exception an exception handler answered), error another stanza error "
						+ "thrown on purpose, failure any other exception (a bug)")
				.tag("handler", handler.name())
				.tag("outcome", outcome)
				.register(registry);
		}

	}

}
