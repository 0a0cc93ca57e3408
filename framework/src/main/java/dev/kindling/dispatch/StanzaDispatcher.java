package dev.kindling.dispatch;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xmpp.packet.IQ;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;
import org.xmpp.packet.PacketError;
import org.xmpp.packet.PacketError.Condition;

import dev.kindling.DaemonThreads;
import dev.kindling.StanzaAddresses;
import dev.kindling.connection.StanzaListener;
import dev.kindling.observe.DropReason;
import dev.kindling.observe.StanzaObserver;
import dev.kindling.routing.StanzaRouter;

/**
 * Takes stanzas off the reader thread and routes them on a bounded pool. Stanzas from the same
 * sender (its bare JID, so one MUC room counts as one sender) are routed in arrival order;
 * different senders run in parallel. When the queues are full, an IQ request is answered
 * {@code resource-constraint} of type {@code wait} and a message or presence is dropped and
 * counted: memory stays bounded under any load. Answers to the component's own IQ requests skip the
 * queues and complete their futures at once.
 *
 * <p>While it drains for a stop, it hands nothing new to the handlers: each IQ request and each
 * chat or normal message read from then on is answered {@code service-unavailable} of type
 * {@code wait}, with a text saying the service is restarting, so the sender knows to try again
 * (after a hand-over, another instance answers). Other stanzas are dropped and counted.
 */
public final class StanzaDispatcher implements StanzaListener {

	private static final Logger logger = LoggerFactory.getLogger(StanzaDispatcher.class);

	private final StanzaRouter router;

	private final int threads;

	/** Replaced by {@link #open()} after a stop shut it down, so a restarted component handles stanzas again. */
	private volatile ExecutorService pool;

	private final SerialLanes lanes;

	private final StanzaObserver observer;

	private final AtomicLong dropped = new AtomicLong();

	private final AtomicLong refused = new AtomicLong();

	private final @Nullable SenderRateLimiter rateLimiter;

	private final AtomicLong rateLimited = new AtomicLong();

	private volatile boolean accepting = true;

	/** The text of the error answered while draining, for the person behind the sender. */
	static final String RESTARTING = "The service is restarting; try again in a moment.";

	/**
	 * @param rateLimiter per-sender limit checked before queueing, or {@code null} for none: a
	 * sender over its rate gets {@code resource-constraint} (type {@code wait}) for IQ requests (Tinder 2.1 has no {@code policy-violation}), and its other stanzas
	 * are dropped and counted
	 */
	public StanzaDispatcher(StanzaRouter router, DispatchSettings settings, StanzaObserver observer,
			@Nullable SenderRateLimiter rateLimiter) {
		this.rateLimiter = rateLimiter;
		this.router = router;
		this.observer = observer;
		this.threads = settings.threads();
		this.pool = newPool();
		this.lanes = new SerialLanes((task) -> this.pool.execute(task), settings.queueCapacity());
	}

	private ExecutorService newPool() {
		return new ThreadPoolExecutor(this.threads, this.threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
				DaemonThreads.numbered("kindling-handler-"));
	}

	@Override
	public synchronized void open() {
		if (this.pool.isShutdown()) {
			this.pool = newPool();
		}
		this.accepting = true;
	}

	@Override
	public void onStanza(Packet stanza) {
		if (stanza instanceof IQ iq && iq.isResponse()) {
			// Not behind the sender's lane: a handler may be waiting for exactly this answer.
			this.router.route(iq);
			return;
		}
		String key = orderingKey(stanza);
		if (this.accepting && this.rateLimiter != null && !this.rateLimiter.tryAcquire(key)) {
			this.rateLimited.incrementAndGet();
			refuse(stanza, Condition.resource_constraint, DropReason.RATE_LIMITED);
			return;
		}
		if (!this.accepting || !this.lanes.offer(key, () -> this.router.route(stanza))) {
			if (this.accepting) {
				refuse(stanza, Condition.resource_constraint, DropReason.OVERLOAD);
			}
			else {
				refuseWhileDraining(stanza);
			}
		}
	}

	/** Not on the hot path: only once a stop has begun. */
	private void refuseWhileDraining(Packet stanza) {
		boolean request = stanza instanceof IQ iq && iq.isRequest();
		if (request || (stanza instanceof Message message
				&& (message.getType() == Message.Type.chat || message.getType() == Message.Type.normal))) {
			if (request) {
				this.refused.incrementAndGet();
			}
			else {
				this.observer.dropped(stanza, DropReason.SHUTDOWN);
				this.dropped.incrementAndGet();
			}
			this.router.replyError(stanza,
					new PacketError(Condition.service_unavailable, PacketError.Type.wait, RESTARTING, "en"));
		}
		else {
			refuse(stanza, Condition.service_unavailable, DropReason.SHUTDOWN);
		}
	}

	private void refuse(Packet stanza, Condition condition, DropReason why) {
		if (stanza instanceof IQ iq && iq.isRequest()) {
			this.refused.incrementAndGet();
			this.router.replyError(iq, condition);
		}
		else {
			this.observer.dropped(stanza, why);
			long count = this.dropped.incrementAndGet();
			if (Long.bitCount(count) == 1) {
				logger.warn("Dropped a {} from {} ({}); {} dropped so far", stanza.getElement().getName(), stanza.getFrom(),
						why.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '), count);
			}
		}
	}

	private static String orderingKey(Packet stanza) {
		String from = StanzaAddresses.bareFrom(stanza);
		return (from != null) ? from : "";
	}

	/** Stop taking stanzas and wait for the accepted ones to be handled. */
	@Override
	public synchronized void drain(Duration timeout) {
		this.accepting = false;
		long deadline = System.nanoTime() + timeout.toNanos();
		while (busy() > 0 && deadline - System.nanoTime() > 0) {
			LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
		}
		int left = busy();
		if (left > 0) {
			logger.warn("{} stanzas were still being handled when the shutdown timeout of {} ms ran out", left,
					timeout.toMillis());
		}
		this.pool.shutdown();
	}

	private int busy() {
		return this.lanes.queued() + this.router.pendingReplies();
	}

	/** Stanzas accepted and not yet handled. */
	public int queued() {
		return this.lanes.queued();
	}

	/** Senders with stanzas queued or being handled. */
	public int activeSenders() {
		return this.lanes.activeLanes();
	}

	/**
	 * Messages and presences dropped because the queues were full or the component was stopping
	 * (chat and normal messages then got a {@code wait} error).
	 */
	public long dropped() {
		return this.dropped.get();
	}

	/** Stanzas refused because their sender exceeded the rate limit (IQ requests answered, the rest dropped). */
	public long rateLimited() {
		return this.rateLimited.get();
	}

	/** IQ requests answered with an error because the queues were full, the sender was over its rate, or the component was stopping. */
	public long refused() {
		return this.refused.get();
	}

}
