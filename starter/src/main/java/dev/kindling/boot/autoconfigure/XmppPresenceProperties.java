package dev.kindling.boot.autoconfigure;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import dev.kindling.presence.SubscriptionPolicy;

/**
 * Presence for the component's addresses and one-to-one chat.
 *
 * @param enabled Whether subscriptions, probes, the bot's presence broadcasts and receipts are handled
 * @param subscriptionPolicy How requests to see the bot's presence are answered: accept, reject, or ask the SubscriptionApprover bean
 * @param status Status text of the bot's available presence
 * @param receipts Whether message receipt requests (XEP-0184) are answered automatically
 */
@ConfigurationProperties("xmpp.presence")
public record XmppPresenceProperties(@DefaultValue("true") boolean enabled,
		@DefaultValue("accept") SubscriptionPolicy subscriptionPolicy, @Nullable String status,
		@DefaultValue("true") boolean receipts) {
}
