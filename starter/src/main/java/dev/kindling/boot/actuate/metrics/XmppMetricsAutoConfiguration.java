package dev.kindling.boot.actuate.metrics;

import java.util.Map;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import dev.kindling.boot.autoconfigure.XmppComponentAutoConfiguration;
import dev.kindling.connection.ComponentConnection;
import dev.kindling.dispatch.StanzaDispatcher;
import dev.kindling.liveness.LivenessMonitor;
import dev.kindling.observe.DefaultHandlerObservationConvention;
import dev.kindling.observe.DefaultRequestObservationConvention;
import dev.kindling.replica.Replica;

/**
 * Micrometer meters for the component ({@code xmpp.*}) when the application has a
 * {@link MeterRegistry}.
 */
@AutoConfiguration(after = XmppComponentAutoConfiguration.class,
		afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(MeterRegistry.class)
public final class XmppMetricsAutoConfiguration {

	/** Seen by the component as one of its {@code StanzaObserver}s. */
	/**
	 * The timers Boot's meter handler makes from Kindling's observations get a description, so
	 * every series carries help text (promtool lints a series without it).
	 */
	@Bean
	static MeterFilter xmppObservationDescriptions() {
		Map<String, String> descriptions = Map.of(DefaultHandlerObservationConvention.NAME,
				"Handler invocations, observed (tracing); xmpp.handler.duration is the same time as a plain timer",
				DefaultHandlerObservationConvention.NAME + ".active", "Handler invocations running now, observed",
				DefaultRequestObservationConvention.NAME,
				"The component's own IQ requests until their answer, observed (tracing); see also xmpp.requests",
				DefaultRequestObservationConvention.NAME + ".active", "The component's own IQ requests awaiting an answer, observed");
		return new MeterFilter() {
			@Override
			public Meter.Id map(Meter.Id id) {
				String description = descriptions.get(id.getName());
				return (description == null || id.getDescription() != null) ? id
						: new Meter.Id(id.getName(), Tags.of(id.getTagsAsIterable()), id.getBaseUnit(), description, id.getType());
			}
		};
	}

	@Bean
	@ConditionalOnMissingBean
	XmppStanzaMetrics xmppStanzaMetrics(MeterRegistry registry) {
		return new XmppStanzaMetrics(registry);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean({ ComponentConnection.class, StanzaDispatcher.class })
	XmppComponentMetrics xmppComponentMetrics(ComponentConnection connection, StanzaDispatcher dispatcher,
			ObjectProvider<LivenessMonitor> liveness) {
		return new XmppComponentMetrics(connection, dispatcher, liveness.getIfAvailable());
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(Replica.class)
	XmppReplicaMetrics xmppReplicaMetrics(Replica replica) {
		return new XmppReplicaMetrics(replica);
	}

}
