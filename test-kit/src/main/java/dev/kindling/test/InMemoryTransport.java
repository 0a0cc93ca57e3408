package dev.kindling.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.xmpp.packet.IQ;
import org.xmpp.packet.Packet;

import dev.kindling.connection.ComponentConnectException;
import dev.kindling.connection.ComponentConnectException.Reason;
import dev.kindling.connection.ComponentConnection;
import dev.kindling.connection.ComponentEndpoint;
import dev.kindling.connection.ComponentTransport;
import dev.kindling.connection.ConnectionSettings;
import dev.kindling.connection.OutboundQueue;
import dev.kindling.connection.StanzaListener;
import dev.kindling.observe.StanzaObserver;

/**
 * A wire without a socket, for {@link ComponentConnection}: stanzas handed to {@link #deliver}
 * reach the connection's listener (the real dispatcher) as if the reader thread had parsed them,
 * and everything the component writes to its outbound queue is recorded instead of sent. A
 * simulated outage makes the current stream report its loss and refuses new streams until it
 * ends, so the connection goes through its real loss, backoff and reconnect.
 */
public final class InMemoryTransport implements ComponentTransport {

	/** How long the writer rests when the queue is empty; {@link #flush()} does not wait for it. */
	private static final long WRITER_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

	private final ReentrantLock writeLock = new ReentrantLock();

	// Guarded by writeLock.
	private final List<Packet> written = new ArrayList<>();

	private final AtomicLong streams = new AtomicLong();

	/** Stanzas taken from the queue whose observers and scripted answers have not run yet. */
	private final AtomicInteger inFlight = new AtomicInteger();

	private volatile boolean outage;

	private volatile @Nullable MemoryWire current;

	private volatile Function<IQ, @Nullable IQ> answerer = (request) -> null;

	private volatile Consumer<Packet> writeListener = (stanza) -> {
	};

	@Override
	public Wire open(ComponentEndpoint endpoint, ConnectionSettings settings) {
		if (this.outage) {
			throw new ComponentConnectException(Reason.NETWORK, "Server unreachable (simulated outage)");
		}
		MemoryWire wire = new MemoryWire("memory-" + this.streams.incrementAndGet());
		this.current = wire;
		return wire;
	}

	/**
	 * Answers the component's own IQ requests as they are written: a {@code result} or
	 * {@code error} to feed back, or {@code null} to leave the request unanswered.
	 */
	public void setAnswerer(Function<IQ, @Nullable IQ> answerer) {
		this.answerer = answerer;
	}

	/**
	 * Sees every stanza the component writes, once, as it is written (before {@link #flush()}
	 * reports the wire idle), whatever {@link #clearWritten()} forgets later.
	 */
	public void setWriteListener(Consumer<Packet> listener) {
		this.writeListener = listener;
	}

	/** Whether a stream is up. */
	public boolean isOpen() {
		MemoryWire wire = this.current;
		return wire != null && wire.isRunning();
	}

	/**
	 * Hand a stanza to the component as the server would; on the caller's thread, one stanza at a
	 * time, like the stream's reader.
	 * @throws IllegalStateException when no stream is up
	 */
	public void deliver(Packet stanza) {
		MemoryWire wire = this.current;
		if (wire == null || !wire.isRunning()) {
			throw new IllegalStateException("The component is not connected; nothing can reach it");
		}
		wire.deliver(stanza);
	}

	/** Lose the current stream and refuse new ones until {@link #endOutage()}. */
	public void startOutage() {
		this.outage = true;
		MemoryWire wire = this.current;
		if (wire != null) {
			wire.lose(new ComponentConnectException(Reason.NETWORK, "Component stream lost (simulated)"));
		}
	}

	/** Accept streams again; the connection's next attempt succeeds. */
	public void endOutage() {
		this.outage = false;
	}

	/** Whether a simulated outage is on. */
	public boolean isOutage() {
		return this.outage;
	}

	/**
	 * Take everything the component has queued, as the writer would, and return whether nothing
	 * was left to write: the queue was empty and no batch was still being handed on.
	 */
	public boolean flush() {
		MemoryWire wire = this.current;
		boolean tookSome = wire != null && wire.takeQueued();
		return !tookSome && this.inFlight.get() == 0;
	}

	/** Stanzas the component queued and were not yet taken. */
	public int queued() {
		MemoryWire wire = this.current;
		return (wire != null && wire.outbound != null) ? wire.outbound.size() : 0;
	}

	/** A copy of every stanza written since the last {@link #clearWritten()}. */
	public List<Packet> written() {
		this.writeLock.lock();
		try {
			return List.copyOf(this.written);
		}
		finally {
			this.writeLock.unlock();
		}
	}

	/** How many stanzas have been written since the last {@link #clearWritten()}. */
	public int writtenCount() {
		this.writeLock.lock();
		try {
			return this.written.size();
		}
		finally {
			this.writeLock.unlock();
		}
	}

	public void clearWritten() {
		this.writeLock.lock();
		try {
			this.written.clear();
		}
		finally {
			this.writeLock.unlock();
		}
	}

	/** How many streams were opened so far. */
	public long streamsOpened() {
		return this.streams.get();
	}

	private final class MemoryWire implements Wire {

		private final String streamId;

		private final AtomicBoolean closed = new AtomicBoolean();

		private final AtomicBoolean lossReported = new AtomicBoolean();

		private @Nullable StanzaListener listener;

		private @Nullable OutboundQueue outbound;

		private StanzaObserver observer = StanzaObserver.NONE;

		private @Nullable Consumer<Throwable> onLoss;

		private @Nullable Thread writer;

		MemoryWire(String streamId) {
			this.streamId = streamId;
		}

		@Override
		public String streamId() {
			return this.streamId;
		}

		@Override
		public void start(StanzaListener listener, OutboundQueue outbound, StanzaObserver observer,
				Consumer<Throwable> onLoss) {
			this.listener = listener;
			this.outbound = outbound;
			this.observer = observer;
			this.onLoss = onLoss;
			Thread thread = new Thread(this::writeLoop, "kindling-test-writer-" + this.streamId);
			thread.setDaemon(true);
			this.writer = thread;
			thread.start();
		}

		boolean isRunning() {
			return this.listener != null && !this.closed.get() && !this.lossReported.get();
		}

		synchronized void deliver(Packet stanza) {
			StanzaListener target = this.listener;
			if (target == null) {
				throw new IllegalStateException("The stream is not started");
			}
			this.observer.received(stanza);
			target.onStanza(stanza);
		}

		void lose(Throwable cause) {
			Consumer<Throwable> report = this.onLoss;
			if (report != null && !this.closed.get() && this.lossReported.compareAndSet(false, true)) {
				report.accept(cause);
			}
		}

		private void writeLoop() {
			while (!this.closed.get()) {
				if (!takeQueued()) {
					LockSupport.parkNanos(WRITER_PAUSE_NANOS);
				}
			}
		}

		/** Take and record what is queued; returns whether anything was. */
		boolean takeQueued() {
			OutboundQueue queue = this.outbound;
			if (queue == null) {
				return false;
			}
			List<Packet> batch = new ArrayList<>();
			InMemoryTransport.this.writeLock.lock();
			try {
				if (this.closed.get() || !queue.takeBatch(batch, Integer.MAX_VALUE, Duration.ZERO)) {
					return false;
				}
				InMemoryTransport.this.written.addAll(batch);
				InMemoryTransport.this.inFlight.incrementAndGet();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
			finally {
				InMemoryTransport.this.writeLock.unlock();
			}
			try {
				for (Packet stanza : batch) {
					this.observer.sent(stanza);
					InMemoryTransport.this.writeListener.accept(stanza);
				}
				answer(batch);
			}
			finally {
				InMemoryTransport.this.inFlight.decrementAndGet();
			}
			return true;
		}

		private void answer(List<Packet> batch) {
			for (Packet stanza : batch) {
				if (stanza instanceof IQ request && request.isRequest()) {
					IQ answer = InMemoryTransport.this.answerer.apply(request);
					if (answer != null && isRunning()) {
						deliver(answer);
					}
				}
			}
		}

		@Override
		public void close(Duration timeout) {
			takeQueued();
			stop();
		}

		@Override
		public void abort() {
			stop();
		}

		private void stop() {
			this.closed.set(true);
			Thread thread = this.writer;
			if (thread != null && thread != Thread.currentThread()) {
				LockSupport.unpark(thread);
			}
		}

	}

}
