package dev.kindling.dispatch;

import org.springframework.util.Assert;

/**
 * How inbound stanzas are handed to handlers.
 *
 * @param threads handler threads shared by all senders
 * @param queueCapacity stanzas that may wait for a handler, across all senders; beyond it IQ
 * requests are answered {@code resource-constraint} (type {@code wait}) and other stanzas are
 * dropped and counted
 */
public record DispatchSettings(int threads, int queueCapacity) {

	public DispatchSettings {
		Assert.isTrue(threads > 0, "threads must be positive");
		Assert.isTrue(queueCapacity > 0, "queueCapacity must be positive");
	}

	public static DispatchSettings defaults() {
		return new DispatchSettings(8, 10_000);
	}

}
