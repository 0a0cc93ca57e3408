package dev.kindling.dispatch;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import org.springframework.util.Assert;

/**
 * A token bucket per sender: {@code burst} stanzas at once, refilled at {@code perSecond}. Memory is
 * bounded: at most {@code maxSenders} buckets are kept; when that many are tracked, buckets that
 * have refilled completely (idle senders) are forgotten, and if none has, new senders share one
 * overflow bucket, so a swarm of never-seen senders is limited as one.
 */
public final class SenderRateLimiter {

	private static final String OVERFLOW = "\u0000overflow";

	private final double perNano;

	private final double burst;

	private final int maxSenders;

	private final LongSupplier nanoClock;

	private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

	/** A sweep walks every bucket: at most one per interval, so a swarm cannot make each stanza pay for one. */
	private static final long SWEEP_INTERVAL = 1_000_000_000L;

	private volatile long lastSweep;

	private volatile boolean swept;

	/**
	 * @param nanoClock the time source in nanoseconds, {@code System::nanoTime} outside tests
	 */
	public SenderRateLimiter(double perSecond, int burst, int maxSenders, LongSupplier nanoClock) {
		Assert.isTrue(perSecond > 0, "perSecond must be positive");
		Assert.isTrue(burst > 0, "burst must be positive");
		Assert.isTrue(maxSenders > 0, "maxSenders must be positive");
		this.perNano = perSecond / 1e9;
		this.burst = burst;
		this.maxSenders = maxSenders;
		this.nanoClock = nanoClock;
	}

	/** Take a token for the sender; {@code false} when its bucket is empty. */
	public boolean tryAcquire(String sender) {
		long now = this.nanoClock.getAsLong();
		Bucket bucket = this.buckets.get(sender);
		if (bucket == null) {
			if (this.buckets.size() >= this.maxSenders && (!this.swept || now - this.lastSweep >= SWEEP_INTERVAL)) {
				this.swept = true;
				this.lastSweep = now;
				forgetIdle(now);
			}
			String key = (this.buckets.size() >= this.maxSenders) ? OVERFLOW : sender;
			bucket = this.buckets.computeIfAbsent(key, (k) -> new Bucket(this.burst, now));
		}
		return bucket.tryTake(now, this.perNano, this.burst);
	}

	private void forgetIdle(long now) {
		this.buckets.entrySet().removeIf((entry) -> !entry.getKey().equals(OVERFLOW)
				&& entry.getValue().isFull(now, this.perNano, this.burst));
	}

	/** Senders currently tracked. */
	public int trackedSenders() {
		return this.buckets.size();
	}

	private static final class Bucket {

		private double tokens;

		private long updated;

		Bucket(double tokens, long now) {
			this.tokens = tokens;
			this.updated = now;
		}

		synchronized boolean tryTake(long now, double perNano, double burst) {
			refill(now, perNano, burst);
			if (this.tokens < 1) {
				return false;
			}
			this.tokens -= 1;
			return true;
		}

		synchronized boolean isFull(long now, double perNano, double burst) {
			refill(now, perNano, burst);
			return this.tokens >= burst;
		}

		private void refill(long now, double perNano, double burst) {
			long elapsed = now - this.updated;
			if (elapsed > 0) {
				this.tokens = Math.min(burst, this.tokens + elapsed * perNano);
				this.updated = now;
			}
		}

	}

}
