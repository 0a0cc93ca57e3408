package dev.kindling.boot.autoconfigure;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;

import dev.kindling.presence.ChatStates;
import dev.kindling.presence.InMemorySubscriberStore;
import dev.kindling.presence.PresenceManager;
import dev.kindling.presence.PresenceSettings;
import dev.kindling.presence.SubscriberStore;
import dev.kindling.presence.SubscriptionApprover;
import dev.kindling.presence.SubscriptionPolicy;
import dev.kindling.template.XmppTemplate;

/**
 * Presence for the component's addresses: subscriptions kept in a {@link SubscriberStore}
 * (in memory unless the application declares one), probes, available/unavailable broadcasts,
 * automatic receipts, and {@link ChatStates} for handlers.
 */
@AutoConfiguration(after = XmppComponentAutoConfiguration.class)
@EnableConfigurationProperties(XmppPresenceProperties.class)
@ConditionalOnBooleanProperty(name = "xmpp.presence.enabled", matchIfMissing = true)
public final class XmppPresenceAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	SubscriberStore xmppSubscriberStore() {
		return new InMemorySubscriberStore();
	}

	@Bean
	@ConditionalOnMissingBean
	PresenceManager xmppPresenceManager(XmppTemplate template, SubscriberStore store, XmppPresenceProperties properties,
			ObjectProvider<SubscriptionApprover> approver, ApplicationContext context) {
		if (properties.subscriptionPolicy() == SubscriptionPolicy.ASK && approver.getIfAvailable() == null) {
			throw new InvalidConfigurationPropertyValueException("xmpp.presence.subscription-policy",
					properties.subscriptionPolicy(), "'ask' needs a SubscriptionApprover bean to ask.");
		}
		return new PresenceManager(template, store,
				new PresenceSettings(properties.subscriptionPolicy(), properties.status(), properties.receipts()),
				approver.getIfAvailable(), context);
	}

	@Bean
	@ConditionalOnMissingBean
	ChatStates xmppChatStates(XmppTemplate template) {
		return new ChatStates(template);
	}

}
