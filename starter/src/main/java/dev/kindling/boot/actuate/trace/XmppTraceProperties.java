package dev.kindling.boot.actuate.trace;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * The stanza trace ("Peek"): the last stanzas in and out, kept in memory for the
 * {@code xmppstanzas} actuator endpoint and its page.
 *
 * @param enabled Whether the last stanzas received and sent are kept and served at /actuator/xmppstanzas; meant for development
 * @param capacity Stanzas kept, inbound and outbound together; the oldest make room for new ones
 * @param maskBodies Whether message bodies are replaced by a placeholder in the trace
 */
@ConfigurationProperties("xmpp.trace")
public record XmppTraceProperties(@DefaultValue("false") boolean enabled, @DefaultValue("100") int capacity,
		@DefaultValue("false") boolean maskBodies) {

	/** The largest capacity accepted: the trace is for looking at, not for storing traffic. */
	static final int MAX_CAPACITY = 10_000;

	/** The values are checked as they are bound, so a bad one fails startup naming its property. */
	public XmppTraceProperties {
		if (capacity < 1 || capacity > MAX_CAPACITY) {
			throw new InvalidConfigurationPropertyValueException("xmpp.trace.capacity", capacity,
					"Must be between 1 and " + MAX_CAPACITY + ".");
		}
	}

}
