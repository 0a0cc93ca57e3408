package dev.kindling.connection;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter: attempt n waits a random time between half and all of
 * {@code min * 2^n}, capped at {@code max}, so a fleet of bots does not reconnect in lockstep.
 */
final class Backoff {

	private final long minMillis;

	private final long maxMillis;

	private int failures;

	Backoff(Duration min, Duration max) {
		this.minMillis = Math.max(1, min.toMillis());
		this.maxMillis = max.toMillis();
	}

	/** The delay before the next attempt; each call counts one more failure. */
	Duration next() {
		int exponent = Math.min(this.failures++, 30);
		long ceiling = Math.min(this.maxMillis, this.minMillis << exponent);
		if (ceiling <= 0 || ceiling > this.maxMillis) {
			ceiling = this.maxMillis;
		}
		long half = ceiling / 2;
		return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(ceiling - half + 1));
	}

	/** Failures counted since the last {@link #reset()}. */
	int failures() {
		return this.failures;
	}

	void reset() {
		this.failures = 0;
	}

}
