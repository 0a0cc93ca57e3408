package dev.kindling.bench;

import dev.kindling.bench.LoadGenerator.Workload;

/**
 * The outcome of one load level.
 *
 * @param workload what was sent
 * @param window stanzas outstanding (W)
 * @param sent stanzas sent, warmup included
 * @param answered distinct stanzas answered (each counted once), warmup included
 * @param errors answers of type {@code error} (counted in {@code answered} too)
 * @param lost stanzas never answered within the loss timeout
 * @param duplicates answers to a stanza already answered
 * @param late answers arriving after their stanza was counted lost
 * @param reorderings answers that arrived before the answer to an earlier stanza of the same sender
 * @param unknown top-level elements that answer nothing we sent (other than pings answered)
 * @param throughput answers per second during the measured period
 * @param p50Micros median latency of answers in the measured period
 * @param p99Micros 99th percentile
 * @param p999Micros 99.9th percentile
 * @param maxMicros largest latency
 */
public record LoadResult(Workload workload, int window, long sent, long answered, long errors, long lost,
		long duplicates, long late, long reorderings, long unknown, double throughput, long p50Micros,
		long p99Micros, long p999Micros, long maxMicros) {

	@Override
	public String toString() {
		return String.format(
				"%s W=%d: %.0f/s p50=%dus p99=%dus p99.9=%dus max=%dus sent=%d answered=%d errors=%d lost=%d dup=%d late=%d reorder=%d unknown=%d",
				this.workload, this.window, this.throughput, this.p50Micros, this.p99Micros, this.p999Micros,
				this.maxMicros, this.sent, this.answered, this.errors, this.lost, this.duplicates, this.late,
				this.reorderings, this.unknown);
	}

}
