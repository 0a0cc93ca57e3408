package dev.kindling.boot.actuate.metrics;

import io.micrometer.core.instrument.MeterRegistry;
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

}
