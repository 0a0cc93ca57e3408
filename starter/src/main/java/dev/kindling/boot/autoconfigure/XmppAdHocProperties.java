package dev.kindling.boot.autoconfigure;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * Ad-hoc commands (XEP-0050).
 *
 * @param maxSessions Command sessions that may be open at once; more are refused with a wait error
 * @param sessionTimeout How long a session may wait for its next step before it is forgotten
 */
@ConfigurationProperties("xmpp.adhoc")
public record XmppAdHocProperties(@DefaultValue("100") int maxSessions, @DefaultValue("5m") Duration sessionTimeout) {

	public XmppAdHocProperties {
		if (maxSessions < 1) {
			throw new InvalidConfigurationPropertyValueException("xmpp.adhoc.max-sessions", maxSessions,
					"Must be positive.");
		}
		XmppComponentProperties.positive("xmpp.adhoc.session-timeout", sessionTimeout);
	}

}
