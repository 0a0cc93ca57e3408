package dev.kindling.connection;

import java.time.Duration;

import org.springframework.util.Assert;

/**
 * How the connection behaves, independent of where it connects.
 *
 * @param connectTimeout limit for the TCP connect and for the stream handshake
 * @param backoffMin delay before the first reconnect attempt; doubles per failed attempt
 * @param backoffMax upper bound of the reconnect delay
 * @param maxStanzaSize largest inbound stanza, in bytes; a larger one resets the stream
 * @param shutdownTimeout how long a graceful stop waits for in-flight handlers and unsent stanzas
 * @param standbyRetry how often a standby instance (the server answered {@code conflict}: another
 * instance holds the domain) tries to take the domain over; a fixed delay, not the backoff, so the
 * hand-over gap stays short
 * @param handOverHold whether a planned stop first asks the server to hold the domain's stanzas for
 * the next instance ({@code urn:kindling:handover:0}, Kindling's Prosody module); a server without
 * it is detected and the stop falls back to its ping barrier. Off where several sessions share the
 * domain (ejabberd's balancing): there the request would reach another replica
 */
public record ConnectionSettings(Duration connectTimeout, Duration backoffMin, Duration backoffMax, int maxStanzaSize,
		Duration shutdownTimeout, Duration standbyRetry, boolean handOverHold) {

	/** The default {@link #standbyRetry()}. */
	public static final Duration DEFAULT_STANDBY_RETRY = Duration.ofMillis(250);

	public ConnectionSettings {
		positive(connectTimeout, "connectTimeout");
		positive(backoffMin, "backoffMin");
		positive(backoffMax, "backoffMax");
		Assert.isTrue(backoffMax.compareTo(backoffMin) >= 0, "backoffMax must not be below backoffMin");
		Assert.isTrue(maxStanzaSize > 0, "maxStanzaSize must be positive");
		Assert.isTrue(!shutdownTimeout.isNegative(), "shutdownTimeout must not be negative");
		positive(standbyRetry, "standbyRetry");
	}

	/** Settings that ask the server for a hand-over hold at a planned stop. */
	public ConnectionSettings(Duration connectTimeout, Duration backoffMin, Duration backoffMax, int maxStanzaSize,
			Duration shutdownTimeout, Duration standbyRetry) {
		this(connectTimeout, backoffMin, backoffMax, maxStanzaSize, shutdownTimeout, standbyRetry, true);
	}

	/** Settings with the default standby retry of 250 ms. */
	public ConnectionSettings(Duration connectTimeout, Duration backoffMin, Duration backoffMax, int maxStanzaSize,
			Duration shutdownTimeout) {
		this(connectTimeout, backoffMin, backoffMax, maxStanzaSize, shutdownTimeout, DEFAULT_STANDBY_RETRY);
	}

	/** Sane defaults: 2 s connect, 1 s → 60 s backoff, 1 MiB stanzas, 10 s to stop, 250 ms standby retry. */
	public static ConnectionSettings defaults() {
		return new ConnectionSettings(Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(60), 1024 * 1024,
				Duration.ofSeconds(10));
	}

	private static void positive(Duration value, String name) {
		Assert.notNull(value, name + " must not be null");
		Assert.isTrue(!value.isNegative() && !value.isZero(), name + " must be positive");
	}

}
