package dev.kindling.bench;

import java.time.Duration;

import dev.kindling.bench.LoadGenerator.Workload;

/**
 * One closed-loop load level.
 *
 * @param workload what is sent
 * @param window stanzas outstanding at any time (W)
 * @param senders distinct sender JIDs, used in turn
 * @param runLength consecutive stanzas from one sender before the next sender's turn, so that
 * several stanzas of one sender are in flight at once and reordering can show
 * @param warmup time sent before measuring (loss, duplicates and reorderings count from the start)
 * @param measure time over which throughput and latency are measured
 * @param lossTimeout a stanza unanswered this long is counted lost and replaced
 * @param componentDomain the component's domain, the {@code to} of every stanza
 */
public record LoadSpec(Workload workload, int window, int senders, int runLength, Duration warmup, Duration measure,
		Duration lossTimeout, String componentDomain) {

	public LoadSpec {
		if (window < 1 || senders < 1 || runLength < 1) {
			throw new IllegalArgumentException("window, senders and runLength must be positive");
		}
	}

}
