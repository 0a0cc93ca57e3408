package dev.kindling.bench;

import java.util.Arrays;
import java.util.List;

/**
 * The outcome of one {@link ClientLoad} run. Answers are counted per message (its id is its sequence
 * number): each once, a second one as a duplicate, one after the loss timeout as late.
 *
 * @param sent messages sent, warmup included
 * @param answered messages answered without an error
 * @param errors messages answered with a stanza of type {@code error}
 * @param lost messages never answered (closed loop: within the loss timeout; fixed rate: by the end of the drain)
 * @param duplicates answers to a message already answered
 * @param late answers arriving after their message was counted lost
 * @param reorderings answers older than the newest answer its client already had
 * @param unknown top-level stanzas that answer nothing sent
 * @param throughput answers (errors included) per second in the measured period
 * @param p50Micros median latency of the answers in the measured period
 * @param p99Micros 99th percentile latency
 * @param maxMicros largest latency
 * @param gaps per client, the longest time without an answer (errors are not answers here) while it sent;
 * if a failure was marked ({@link ClientLoad#markEvent()}), the longest one that ended after it
 * @param longGaps every client's stretches without an answer longer than 200 ms, in any order
 */
public record ClientLoadResult(long sent, long answered, long errors, long lost, long duplicates, long late,
		long reorderings, long unknown, double throughput, long p50Micros, long p99Micros, long maxMicros,
		List<Gap> gaps, List<Gap> longGaps) {

	/**
	 * One client's longest stretch without an answer.
	 *
	 * @param client the client's index
	 * @param startNanos {@link System#nanoTime()} of the last answer before it (or of the first send)
	 * @param endNanos the first answer after it (or the end of sending, if none came)
	 * @param closed whether an answer ended it
	 */
	public record Gap(int client, long startNanos, long endNanos, boolean closed) {

		long millis() {
			return (this.endNanos - this.startNanos) / 1_000_000;
		}

	}

	/** The clients whose longest gap exceeds the threshold: those a failure cut off. */
	List<Gap> gapsLongerThan(long thresholdMillis) {
		return this.gaps.stream().filter((gap) -> gap.millis() > thresholdMillis).toList();
	}

	/**
	 * Per client, its longest stretch without an answer that overlaps {@code [fromNanos, toNanos]}
	 * and is longer than the threshold: the clients a failure in that interval cut off. Stalls of
	 * the machine before or after it are left out.
	 */
	List<Gap> gapsOverlapping(long fromNanos, long toNanos, long thresholdMillis) {
		java.util.Map<Integer, Gap> longest = new java.util.TreeMap<>();
		for (Gap gap : this.longGaps) {
			if (gap.millis() > thresholdMillis && gap.startNanos() - toNanos <= 0 && gap.endNanos() - fromNanos >= 0) {
				longest.merge(gap.client(), gap, (a, b) -> (a.millis() >= b.millis()) ? a : b);
			}
		}
		return List.copyOf(longest.values());
	}

	/** Long gaps (above the threshold) that do not overlap the interval: the machine's own stalls. */
	long gapsElsewhere(long fromNanos, long toNanos, long thresholdMillis) {
		return this.longGaps.stream()
			.filter((gap) -> gap.millis() > thresholdMillis
					&& !(gap.startNanos() - toNanos <= 0 && gap.endNanos() - fromNanos >= 0))
			.count();
	}

	/** Median and maximum of the given gaps in ms; {0, 0} for none. */
	static long[] medianAndMax(List<Gap> gaps) {
		long[] millis = gaps.stream().mapToLong(Gap::millis).sorted().toArray();
		if (millis.length == 0) {
			return new long[] { 0, 0 };
		}
		return new long[] { millis[millis.length / 2], Arrays.stream(millis).max().getAsLong() };
	}

	long errorsAndAnswers() {
		return this.answered + this.errors;
	}

	@Override
	public String toString() {
		return String.format("sent=%d answered=%d errors=%d lost=%d dup=%d late=%d reordered=%d unknown=%d "
				+ "%.0f/s p50=%dus p99=%dus max=%dus", this.sent, this.answered, this.errors, this.lost, this.duplicates,
				this.late, this.reorderings, this.unknown, this.throughput, this.p50Micros, this.p99Micros, this.maxMicros);
	}

}
