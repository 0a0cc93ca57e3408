package dev.kindling.connection;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.xmpp.packet.Packet;

/**
 * Lets tests outside this package use a real {@link OutboundQueue} as if a stream were up, and read
 * back what the writer would have written.
 */
public final class TestOutboundQueues {

	private TestOutboundQueues() {
	}

	/** A queue that takes stanzas, as while connected. */
	public static OutboundQueue open(int capacity) {
		OutboundQueue queue = new OutboundQueue(capacity);
		queue.open();
		return queue;
	}

	/** Take everything queued so far, as the writer would. */
	public static List<Packet> takeAll(OutboundQueue queue) {
		List<Packet> taken = new ArrayList<>();
		try {
			queue.takeBatch(taken, Integer.MAX_VALUE, Duration.ZERO);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		return taken;
	}

	/** Drop the stream, as a lost connection would. */
	public static int close(OutboundQueue queue) {
		return queue.close().size();
	}

}
