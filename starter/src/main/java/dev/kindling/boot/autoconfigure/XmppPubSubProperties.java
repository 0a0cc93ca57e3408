package dev.kindling.boot.autoconfigure;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.xmpp.packet.JID;

/**
 * The publish-subscribe service the component uses.
 *
 * @param service Address of the pubsub service, e.g. "pubsub.example.com"; defaults to "pubsub." followed by the parent domain of the component's domain
 * @param requestTimeout Time limit for the service's answers; defaults to xmpp.component.request-timeout
 */
@ConfigurationProperties("xmpp.pubsub")
public record XmppPubSubProperties(@Nullable String service, @Nullable Duration requestTimeout) {

	static final String PREFIX = "xmpp.pubsub";

	/** The service address: the configured one, checked, or {@code pubsub.<serverDomain>}. */
	JID serviceOrDefault(String serverDomain) {
		if (this.service == null || this.service.isBlank()) {
			return new JID(null, "pubsub." + serverDomain, null);
		}
		try {
			return new JID(this.service.trim());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidConfigurationPropertyValueException(PREFIX + ".service", this.service,
					"Not a valid XMPP address: " + ex.getMessage());
		}
	}

	public XmppPubSubProperties {
		if (requestTimeout != null && (requestTimeout.isZero() || requestTimeout.isNegative())) {
			throw new InvalidConfigurationPropertyValueException(PREFIX + ".request-timeout", requestTimeout,
					"Must be positive.");
		}
	}

}
