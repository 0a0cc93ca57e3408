package dev.kindling.boot.actuate.metrics;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.jspecify.annotations.Nullable;

import dev.kindling.connection.ComponentConnection;
import dev.kindling.connection.ConnectionState;
import dev.kindling.dispatch.StanzaDispatcher;
import dev.kindling.liveness.LivenessMonitor;

/**
 * Gauges read from the component's parts when scraped: the dispatch queue, the connection's state
 * and reconnects, and the last ping's round trip.
 */
public class XmppComponentMetrics implements MeterBinder {

	private final ComponentConnection connection;

	private final StanzaDispatcher dispatcher;

	private final @Nullable LivenessMonitor liveness;

	public XmppComponentMetrics(ComponentConnection connection, StanzaDispatcher dispatcher,
			@Nullable LivenessMonitor liveness) {
		this.connection = connection;
		this.dispatcher = dispatcher;
		this.liveness = liveness;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("xmpp.dispatch.queued", this.dispatcher, StanzaDispatcher::queued)
			.description("Inbound stanzas waiting for a handler thread")
			.register(registry);
		Gauge.builder("xmpp.dispatch.active.senders", this.dispatcher, StanzaDispatcher::activeSenders)
			.description("Senders with stanzas queued or being handled")
			.register(registry);
		for (ConnectionState state : ConnectionState.values()) {
			Gauge.builder("xmpp.connection.state", this.connection, (connection) -> (connection.getState() == state) ? 1 : 0)
				.description("1 for the state the component's stream is in, 0 for the others")
				.tag("state", XmppStanzaMetrics.tagValue(state))
				.register(registry);
		}
		FunctionCounter
			.builder("xmpp.connection.reconnects", this.connection,
					(connection) -> Math.max(0, connection.getStatus().connects() - 1))
			.description("Streams re-established after one was lost")
			.register(registry);
		if (this.liveness != null) {
			TimeGauge.builder("xmpp.ping.rtt", this.liveness, TimeUnit.SECONDS, XmppComponentMetrics::lastRoundTrip)
				.description("Round trip of the last answered server ping (XEP-0199)")
				.register(registry);
		}
	}

	private static double lastRoundTrip(LivenessMonitor liveness) {
		Duration roundTrip = liveness.lastRoundTrip();
		return (roundTrip != null) ? roundTrip.toNanos() / 1e9 : Double.NaN;
	}

}
