package dev.kindling.boot.actuate.metrics;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;

import dev.kindling.replica.Replica;
import dev.kindling.replica.SlotState;

/**
 * Meters of one balanced replica, tagged {@code replica} with its instance name so that the
 * figures of several replicas stay apart once scraped together: its slot state, the stanzas it
 * forwarded to and received from the other replicas, and how long its last home probe took. Every
 * other {@code xmpp.*} meter is per process too, so per replica.
 */
public class XmppReplicaMetrics implements MeterBinder {

	private final Replica replica;

	public XmppReplicaMetrics(Replica replica) {
		this.replica = replica;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		String instance = this.replica.instance();
		for (SlotState state : SlotState.values()) {
			Gauge.builder("xmpp.replica.slot", this.replica, (replica) -> (replica.state() == state) ? 1 : 0)
				.description("1 for where this replica stands with the server's balancing (home, spare...), 0 for the others")
				.tag("replica", instance)
				.tag("state", XmppStanzaMetrics.tagValue(state))
				.register(registry);
		}
		FunctionCounter.builder("xmpp.replica.forwards", this.replica, Replica::forwardedOut)
			.description("Stanzas that reached this replica but belonged to another, forwarded through the server (out) "
					+ "or received that way (in)")
			.tag("replica", instance)
			.tag("direction", "out")
			.register(registry);
		FunctionCounter.builder("xmpp.replica.forwards", this.replica, Replica::forwardedIn)
			.description("Stanzas that reached this replica but belonged to another, forwarded through the server (out) "
					+ "or received that way (in)")
			.tag("replica", instance)
			.tag("direction", "in")
			.register(registry);
		FunctionCounter.builder("xmpp.replica.spare.probes", this.replica, Replica::spareProbes)
			.description("Probes this replica sent at its retries as a spare (16 per retry), each to a replica with a slot")
			.tag("replica", instance)
			.register(registry);
		TimeGauge.builder("xmpp.replica.probe", this.replica, TimeUnit.SECONDS, XmppReplicaMetrics::lastProbe)
			.description("How long this replica's last search for its home took at connect")
			.tag("replica", instance)
			.register(registry);
	}

	private static double lastProbe(Replica replica) {
		Duration probe = replica.lastProbeTime();
		return (probe != null) ? probe.toNanos() / 1e9 : Double.NaN;
	}

}
