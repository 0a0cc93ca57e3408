package dev.kindling.boot.autoconfigure;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.util.unit.DataSize;

import dev.kindling.replica.Balancing;

/**
 * The component's connection to its XMPP server (XEP-0114).
 *
 * @param host Host name or address of the XMPP server's component listener
 * @param port Port of the XMPP server's component listener
 * @param domain Full domain of the component, e.g. "bot.example.com"; required unless the dev server runs
 * @param secret Shared secret the server holds for the component's domain; required unless the dev server runs
 * @param connectTimeout Time limit for the TCP connect and for the stream handshake
 * @param pingInterval How often the server is pinged (XEP-0199) to prove the stream alive
 * @param pingTimeout How long a ping may go unanswered before the stream is declared dead and rebuilt
 * @param pingTarget Address pinged; defaults to the parent domain of the component's domain
 * @param backoff Delays between connection attempts
 * @param maxStanzaSize Largest inbound stanza accepted; a larger one resets the stream
 * @param outboundCapacity Stanzas that may wait to be written before sends fail fast
 * @param requestTimeout Default time limit for answers to the component's own IQ requests
 * @param shutdownTimeout How long a graceful stop waits for running handlers and unsent stanzas
 * @param standby How an instance waits while another one holds the domain (hand-over), and how a balanced replica without a slot (a spare) waits for one
 * @param instance Name of this replica among the replicas of the domain (a StatefulSet pod's name); defaults to the host name
 * @param balancing How the server spreads the domain's stanzas over several active replicas: none (one active session, the default), bare-source or bare-destination (ejabberd's domain_balancing type, with component_number set to the number of replicas)
 * @param probeTimeout With balancing, how long a replica waits for its probes to come back at its first connect before it concludes that the server gave it no slot (it is then a spare, whose retries wait 100 ms at most), and how long a room's or an address's ownership probe waits
 */
@ConfigurationProperties("xmpp.component")
public record XmppComponentProperties(@DefaultValue("localhost") String host, @DefaultValue("5347") int port,
		@Nullable String domain, @Nullable String secret, @DefaultValue("2s") Duration connectTimeout,
		@DefaultValue("30s") Duration pingInterval, @DefaultValue("10s") Duration pingTimeout, @Nullable String pingTarget,
		@DefaultValue Backoff backoff, @DefaultValue("1MB") DataSize maxStanzaSize,
		@DefaultValue("10000") int outboundCapacity, @DefaultValue("10s") Duration requestTimeout,
		@DefaultValue("10s") Duration shutdownTimeout, @DefaultValue Standby standby, @Nullable String instance,
		@DefaultValue("none") Balancing balancing, @DefaultValue("500ms") Duration probeTimeout) {

	static final String PREFIX = "xmpp.component";

	/**
	 * Check the values that binding cannot; called when the connection is created, so that a bad
	 * value fails startup with a message naming its property.
	 */
	public XmppComponentProperties {
		if (port < 1 || port > 65535) {
			throw new InvalidConfigurationPropertyValueException(PREFIX + ".port", port, "A port is between 1 and 65535.");
		}
		positive(PREFIX + ".connect-timeout", connectTimeout);
		positive(PREFIX + ".ping-interval", pingInterval);
		positive(PREFIX + ".ping-timeout", pingTimeout);
		positive(PREFIX + ".request-timeout", requestTimeout);
		if (maxStanzaSize.toBytes() < 1024 || maxStanzaSize.toBytes() >= Integer.MAX_VALUE) {
			throw new InvalidConfigurationPropertyValueException(PREFIX + ".max-stanza-size", maxStanzaSize,
					"Must be at least 1KB and less than 2GB.");
		}
		if (outboundCapacity < 1) {
			throw new InvalidConfigurationPropertyValueException(PREFIX + ".outbound-capacity", outboundCapacity,
					"Must be positive.");
		}
		if (instance != null && (instance.isBlank() || instance.length() > 256)) {
			throw new InvalidConfigurationPropertyValueException(PREFIX + ".instance", instance,
					"Must not be blank and at most 256 characters; leave it unset for the host name.");
		}
		positive(PREFIX + ".probe-timeout", probeTimeout);
		if (shutdownTimeout.isNegative()) {
			throw new InvalidConfigurationPropertyValueException(PREFIX + ".shutdown-timeout", shutdownTimeout,
					"Must not be negative.");
		}
	}

	/** The record's form with the secret masked: a properties object can end up in logs and diagnostics. */
	@Override
	public String toString() {
		return "XmppComponentProperties[host=" + host + ", port=" + port + ", domain=" + domain + ", secret="
				+ ((secret != null) ? "******" : "null") + ", connectTimeout=" + connectTimeout + ", pingInterval="
				+ pingInterval + ", pingTimeout=" + pingTimeout + ", pingTarget=" + pingTarget + ", backoff=" + backoff
				+ ", maxStanzaSize=" + maxStanzaSize + ", outboundCapacity=" + outboundCapacity + ", requestTimeout="
				+ requestTimeout + ", shutdownTimeout=" + shutdownTimeout + ", standby=" + standby + ", instance=" + instance
				+ ", balancing=" + balancing + ", probeTimeout=" + probeTimeout + "]";
	}

	static void positive(String name, Duration value) {
		if (value.isZero() || value.isNegative()) {
			throw new InvalidConfigurationPropertyValueException(name, value, "Must be positive.");
		}
	}

	/**
	 * Exponential backoff with jitter between connection attempts.
	 *
	 * @param minDelay Delay before the first retry, jittered between half and all of it; doubles per failed attempt
	 * @param maxDelay Upper bound of the delay
	 */
	public record Backoff(@DefaultValue("1s") Duration minDelay, @DefaultValue("60s") Duration maxDelay) {

		public Backoff {
			positive(PREFIX + ".backoff.min-delay", minDelay);
			positive(PREFIX + ".backoff.max-delay", maxDelay);
			if (maxDelay.compareTo(minDelay) < 0) {
				throw new InvalidConfigurationPropertyValueException(PREFIX + ".backoff.max-delay", maxDelay,
						"Must not be below xmpp.component.backoff.min-delay (" + minDelay + ").");
			}
		}

	}

	/**
	 * Hand-over between instances of one domain: while the server refuses this instance with
	 * {@code conflict} because another one holds the domain (Prosody's default
	 * {@code component_conflict_resolve = "kick_new"}), it stands by, healthy and ready, and takes
	 * the domain over as soon as the other one leaves.
	 *
	 * @param retry How often a standby instance tries to take the domain over, and a spare replica to take a free slot; a fixed delay, so the gap after the active instance leaves is at most this long (plus, for a spare, its 100 ms probe verdict)
	 */
	public record Standby(@DefaultValue("250ms") Duration retry) {

		public Standby {
			positive(PREFIX + ".standby.retry", retry);
		}

	}

}
