package dev.kindling.boot.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * How inbound stanzas reach the handlers: in order per sender, in parallel across senders.
 *
 * @param threads Handler threads shared by all senders
 * @param queueCapacity Stanzas that may wait for a handler across all senders; beyond it IQ requests are answered "resource-constraint" (type wait) and other stanzas are dropped and counted
 */
@ConfigurationProperties("xmpp.dispatch")
public record XmppDispatchProperties(@DefaultValue("8") int threads, @DefaultValue("10000") int queueCapacity) {

	/** Check the values; called when the dispatcher is created, so the failure names the property. */
	void validate() {
		if (threads < 1) {
			throw new InvalidConfigurationPropertyValueException("xmpp.dispatch.threads", threads, "Must be positive.");
		}
		if (queueCapacity < 1) {
			throw new InvalidConfigurationPropertyValueException("xmpp.dispatch.queue-capacity", queueCapacity,
					"Must be positive.");
		}
	}

}
