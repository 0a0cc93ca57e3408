package dev.kindling.connection;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.xmpp.packet.Packet;

import dev.kindling.StanzaNotSentException;

/**
 * The bounded buffer between everything that sends and the stream's writer thread. Offering never
 * blocks: while the stream is down, or when the buffer is full, it fails at once with
 * {@link StanzaNotSentException}, so no handler ever waits out an outage.
 */
public final class OutboundQueue {

	private final BlockingQueue<Packet> queue;

	private final int capacity;

	private final AtomicLong discarded = new AtomicLong();

	private volatile boolean open;

	public OutboundQueue(int capacity) {
		this.capacity = capacity;
		this.queue = new ArrayBlockingQueue<>(capacity);
	}

	/**
	 * Queue a stanza for the writer.
	 * @throws StanzaNotSentException when the stream is down or the buffer is full
	 */
	public void offer(Packet stanza) {
		if (!this.open) {
			throw new StanzaNotSentException("Not connected: stanza to " + stanza.getTo() + " not sent");
		}
		if (!this.queue.offer(stanza)) {
			throw new StanzaNotSentException(
					"Outbound buffer full (" + this.capacity + " stanzas): stanza to " + stanza.getTo() + " not sent");
		}
	}

	/** Whether the stream currently takes stanzas. */
	public boolean isOpen() {
		return this.open;
	}

	/** Stanzas waiting for the writer. */
	public int size() {
		return this.queue.size();
	}

	public int capacity() {
		return this.capacity;
	}

	/** Stanzas accepted but never written because their stream was lost. */
	public long discarded() {
		return this.discarded.get();
	}

	void open() {
		this.open = true;
	}

	/** Refuse further stanzas and drop the unwritten ones, which are returned. */
	List<Packet> close() {
		this.open = false;
		List<Packet> dropped = new ArrayList<>();
		this.queue.drainTo(dropped);
		this.discarded.addAndGet(dropped.size());
		return dropped;
	}

	/**
	 * Refuse further stanzas and move the queued ones to {@code last}, for the writer ending its
	 * stream: they are written before the end.
	 */
	void finish(List<Packet> last) {
		this.open = false;
		this.queue.drainTo(last);
	}

	/**
	 * Wait up to {@code wait} for the next stanza, then take it and up to {@code max - 1} more
	 * without waiting; returns whether anything was taken. For the writer of a
	 * {@link ComponentTransport.Wire}, the one consumer of this queue.
	 */
	public boolean takeBatch(List<Packet> batch, int max, Duration wait) throws InterruptedException {
		Packet first = this.queue.poll(wait.toNanos(), TimeUnit.NANOSECONDS);
		if (first == null) {
			return false;
		}
		batch.add(first);
		this.queue.drainTo(batch, max - 1);
		return true;
	}

}
