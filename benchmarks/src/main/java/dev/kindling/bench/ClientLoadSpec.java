package dev.kindling.bench;

import java.time.Duration;

/**
 * One run of {@link ClientLoad}: either closed loop (a fixed window per client) or open loop (a
 * fixed total rate spread over the clients in turn).
 *
 * @param clients how many of the connected clients send (the first ones)
 * @param window chat messages each client keeps outstanding; 0 for the fixed-rate mode
 * @param rate messages per second over all clients in the fixed-rate mode (ignored with a window)
 * @param warmup time sent before measuring; answers, losses and reorderings count from the start
 * @param measure time over which throughput and latency are measured
 * @param lossTimeout closed loop: a message unanswered this long is counted lost and replaced; the
 * fixed-rate mode counts as lost what is unanswered when the drain ends
 * @param drain how long to wait for outstanding answers after the last message was sent
 * @param to the address every message is sent to, e.g. {@code echo@bot.localhost}
 */
public record ClientLoadSpec(int clients, int window, double rate, Duration warmup, Duration measure,
		Duration lossTimeout, Duration drain, String to) {

	public ClientLoadSpec {
		if (clients < 1) {
			throw new IllegalArgumentException("clients must be positive: " + clients);
		}
		if (window < 0 || (window == 0 && rate <= 0)) {
			throw new IllegalArgumentException("Either a window per client or a positive rate: " + window + ", " + rate);
		}
		if (warmup.isNegative() || measure.isNegative() || measure.isZero() || lossTimeout.isNegative()
				|| lossTimeout.isZero() || drain.isNegative()) {
			throw new IllegalArgumentException("Durations must be positive (warmup and drain may be 0)");
		}
	}

	/** Closed loop: {@code window} messages outstanding per client. */
	static ClientLoadSpec window(int clients, int window, Duration warmup, Duration measure, String to) {
		return new ClientLoadSpec(clients, window, 0, warmup, measure, Duration.ofSeconds(2), Duration.ofSeconds(2), to);
	}

	/** Open loop: {@code rate} messages per second over all clients, answers awaited {@code drain} at the end. */
	static ClientLoadSpec rate(int clients, double rate, Duration measure, Duration drain, String to) {
		return new ClientLoadSpec(clients, 0, rate, Duration.ZERO, measure, drain, drain, to);
	}

	boolean fixedRate() {
		return this.window == 0;
	}

}
