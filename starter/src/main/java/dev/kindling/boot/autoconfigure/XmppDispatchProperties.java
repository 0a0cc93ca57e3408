package dev.kindling.boot.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * How inbound stanzas reach the handlers: in order per sender, in parallel across senders.
 *
 * @param threads Handler threads shared by all senders
 * @param queueCapacity Stanzas that may wait for a handler across all senders; beyond it IQ requests are answered "resource-constraint" (type wait) and other stanzas are dropped and counted
 * @param rateLimit Per-sender token bucket checked before a stanza is queued
 */
@ConfigurationProperties("xmpp.dispatch")
public record XmppDispatchProperties(@DefaultValue("8") int threads, @DefaultValue("10000") int queueCapacity,
		@DefaultValue RateLimit rateLimit) {

	/** The values are checked as they are bound, so a bad one fails startup naming its property. */
	public XmppDispatchProperties {
		if (threads < 1) {
			throw new InvalidConfigurationPropertyValueException("xmpp.dispatch.threads", threads, "Must be positive.");
		}
		if (queueCapacity < 1) {
			throw new InvalidConfigurationPropertyValueException("xmpp.dispatch.queue-capacity", queueCapacity,
					"Must be positive.");
		}
		if (rateLimit.perSecond() <= 0) {
			throw new InvalidConfigurationPropertyValueException("xmpp.dispatch.rate-limit.per-second",
					rateLimit.perSecond(), "Must be positive.");
		}
		if (rateLimit.burst() < 1) {
			throw new InvalidConfigurationPropertyValueException("xmpp.dispatch.rate-limit.burst", rateLimit.burst(),
					"Must be positive.");
		}
		if (rateLimit.maxSenders() < 1) {
			throw new InvalidConfigurationPropertyValueException("xmpp.dispatch.rate-limit.max-senders",
					rateLimit.maxSenders(), "Must be positive.");
		}
	}

	/**
	 * A token bucket per sender (bare JID; a room counts as one sender).
	 *
	 * @param enabled Whether stanzas beyond a sender's rate are refused: IQ requests get "resource-constraint" (type wait), other stanzas are dropped and counted
	 * @param perSecond Stanzas per second a sender may send on average
	 * @param burst Stanzas a sender may send at once before the rate applies
	 * @param maxSenders Senders tracked at once; beyond it idle senders are forgotten, and new senders share one bucket, so memory stays bounded
	 */
	public record RateLimit(@DefaultValue("true") boolean enabled, @DefaultValue("200") double perSecond,
			@DefaultValue("2000") int burst, @DefaultValue("100000") int maxSenders) {
	}

}
