package dev.kindling.boot.actuate.health;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

import dev.kindling.boot.autoconfigure.XmppComponentAutoConfiguration;
import dev.kindling.connection.ComponentConnection;
import dev.kindling.health.ComponentHealth;
import dev.kindling.health.XmppHealthContributor;
import dev.kindling.liveness.LivenessMonitor;

/**
 * The {@code xmpp} health indicator ({@code /actuator/health/xmpp}), with every
 * {@link XmppHealthContributor} bean's checks. Off with {@code management.health.xmpp.enabled=false}.
 */
@AutoConfiguration(after = XmppComponentAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(ComponentConnection.class)
@ConditionalOnEnabledHealthIndicator("xmpp")
public final class XmppHealthContributorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ComponentHealth xmppComponentHealth(ComponentConnection connection, ObjectProvider<LivenessMonitor> liveness,
			ObjectProvider<XmppHealthContributor> contributors) {
		return new ComponentHealth(connection, liveness.getIfAvailable(), contributors.orderedStream().toList(),
				Clock.systemUTC());
	}

	/** Named so that the contributor is {@code xmpp}. */
	@Bean
	@ConditionalOnMissingBean(name = "xmppHealthIndicator")
	XmppHealthIndicator xmppHealthIndicator(ComponentHealth health) {
		return new XmppHealthIndicator(health);
	}

}
