package dev.kindling.boot.actuate.info;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.info.ConditionalOnEnabledInfoContributor;
import org.springframework.boot.actuate.autoconfigure.info.InfoContributorFallback;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import dev.kindling.boot.autoconfigure.XmppAnswersAutoConfiguration;
import dev.kindling.boot.autoconfigure.XmppComponentAutoConfiguration;
import dev.kindling.boot.autoconfigure.XmppConnectionDetails;
import dev.kindling.disco.DiscoHandlers;
import dev.kindling.handler.HandlerRegistry;
import dev.kindling.replica.Replica;

/**
 * The {@code xmpp} section of {@code /actuator/info}. Off with {@code management.info.xmpp.enabled=false}.
 */
@AutoConfiguration(after = { XmppComponentAutoConfiguration.class, XmppAnswersAutoConfiguration.class })
@ConditionalOnClass(InfoContributor.class)
@ConditionalOnBean({ XmppConnectionDetails.class, HandlerRegistry.class })
@ConditionalOnEnabledInfoContributor(value = "xmpp", fallback = InfoContributorFallback.USE_DEFAULTS_PROPERTY)
public final class XmppInfoContributorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	XmppInfoContributor xmppInfoContributor(XmppConnectionDetails details, HandlerRegistry registry,
			ObjectProvider<DiscoHandlers> disco, ObjectProvider<Replica> replica) {
		XmppInfoContributor contributor = new XmppInfoContributor(details.domain(), registry, disco.getIfAvailable());
		contributor.setReplica(replica.getIfAvailable());
		return contributor;
	}

}
