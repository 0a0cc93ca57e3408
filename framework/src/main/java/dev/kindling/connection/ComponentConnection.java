package dev.kindling.connection;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.xmpp.packet.JID;
import org.xmpp.packet.Packet;

import dev.kindling.connection.ComponentConnectException.Reason;
import dev.kindling.observe.DropReason;
import dev.kindling.observe.StanzaObserver;

/**
 * Owns the component's stream for the application's lifetime: connects in the background (the
 * application starts even when the server is down), retries with exponential backoff and jitter,
 * rebuilds the stream when it is lost or declared dead, publishes past-tense events for every
 * change, and stops gracefully.
 *
 * <p>Several instances for one domain hand it over instead of fighting for it. An instance the
 * server refuses with {@code conflict} (another one holds the domain) stands by
 * ({@link ConnectionState#STANDBY}) and tries again every {@link ConnectionSettings#standbyRetry()}
 * until the other one leaves. An instance whose established stream the server closes with
 * {@code conflict} (a newcomer took over) is {@link ConnectionState#REPLACED} and does not come
 * back. A graceful stop ({@link ConnectionState#DRAINING}) answers what it can no longer handle
 * with an error of type {@code wait}, finishes what it accepted and then leaves.
 *
 * <p>Every state change runs on one supervisor thread, so a loss reported late by an old stream
 * can never tear down its successor. That thread is the only non-daemon thread Kindling starts:
 * it keeps a bot without a web server alive, and ends with {@link #stop()} so the JVM exits.
 */
public class ComponentConnection implements SmartLifecycle {

	/** Stops after the web server's graceful shutdown, starts before it. */
	public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 2048;

	private static final Logger logger = LoggerFactory.getLogger(ComponentConnection.class);

	private final AtomicLong connectedPublished = new AtomicLong();

	private final AtomicLong disconnectedPublished = new AtomicLong();

	private final AtomicLong reconnectingPublished = new AtomicLong();

	private final ComponentEndpoint endpoint;

	private final ConnectionSettings settings;

	private final OutboundQueue outbound;

	private final StanzaListener listener;

	private final ApplicationEventPublisher events;

	private final StanzaObserver observer;

	private final Backoff backoff;

	private final ComponentTransport transport;

	private volatile ConnectionStatus status = new ConnectionStatus(ConnectionState.NEW, Instant.now(), null, 0, 0);

	private volatile boolean stopping;

	// Written only under this object's lock (start and stop check and set it together), read
	// without one: volatile, so reconnect, loss reports and isRunning see the current one.
	private volatile @Nullable ScheduledExecutorService supervisor;

	// Confined to the supervisor thread.
	private ComponentTransport.@Nullable Wire stream;

	private @Nullable ScheduledFuture<?> nextAttempt;

	private long connects;

	// When the current stand-by began (System.nanoTime), or 0 while not standing by.
	private long standingBySince;

	// When this connection began standing by as a spare (System.nanoTime), or 0 while not one.
	private long spareSince;

	// Set when standBy(...) is asked for, cleared at each connect: whether the last session was
	// found to be a spare by the listeners of its connected event.
	private volatile boolean spareRequested;

	// With several replicas: an address of the domain routed back to this replica (its home), or null.
	private volatile Supplier<@Nullable JID> barrierAddress = () -> null;

	/**
	 * A connection over another wire than TCP, e.g. the test kit's in-memory one; everything above
	 * the wire (backoff, events, the outbound queue, graceful stop) stays the same.
	 */
	public ComponentConnection(ComponentEndpoint endpoint, ConnectionSettings settings, OutboundQueue outbound,
			StanzaListener listener, ApplicationEventPublisher events, StanzaObserver observer,
			ComponentTransport transport) {
		this.transport = transport;
		this.observer = observer;
		this.endpoint = endpoint;
		this.settings = settings;
		this.outbound = outbound;
		this.listener = listener;
		this.events = events;
		this.backoff = new Backoff(settings.backoffMin(), settings.backoffMax());
	}

	public ComponentEndpoint getEndpoint() {
		return this.endpoint;
	}

	public ConnectionStatus getStatus() {
		return this.status;
	}

	public ConnectionState getState() {
		return this.status.state();
	}

	@Override
	public synchronized void start() {
		if (this.supervisor != null) {
			return;
		}
		this.stopping = false;
		this.listener.open();
		ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, (task) -> {
			Thread thread = new Thread(task, "kindling-connection-" + this.endpoint.domain());
			thread.setDaemon(false);
			return thread;
		});
		executor.setRemoveOnCancelPolicy(true);
		this.supervisor = executor;
		executor.execute(this::attempt);
	}

	/**
	 * Declare the current stream dead and rebuild it, e.g. after a liveness ping went unanswered.
	 * Does nothing while no stream is up.
	 */
	public void reconnect(Throwable cause) {
		ScheduledExecutorService executor = this.supervisor;
		if (executor != null && !this.stopping) {
			executor.execute(() -> {
				ComponentTransport.Wire current = this.stream;
				if (current != null) {
					handleLoss(current, cause);
				}
			});
		}
	}

	/**
	 * Where a planned stop's last ping goes: with several active replicas of the domain, the server's
	 * own answers reach whichever replica its address hashes to, so the ping goes from and to an
	 * address routed back to this replica (its home). Without one, the server answers the ping.
	 */
	public void setBarrierAddress(Supplier<@Nullable JID> address) {
		this.barrierAddress = address;
	}

	/**
	 * The session is connected but gets nothing: a balanced replica without a slot (a spare). Drop
	 * the stream and stand by: state {@link ConnectionState#STANDBY} (healthy), a new session every
	 * {@link ConnectionSettings#standbyRetry()} rather than the growing backoff, logged at debug
	 * (the replica says once why it is a spare). Does nothing while no stream is up.
	 */
	public void standBy(Throwable cause) {
		ScheduledExecutorService executor = this.supervisor;
		if (executor != null && !this.stopping) {
			this.spareRequested = true;
			executor.execute(() -> {
				ComponentTransport.Wire current = this.stream;
				if (current != null) {
					spareLost(current, cause);
				}
			});
		}
	}

	private void spareLost(ComponentTransport.Wire lost, Throwable cause) {
		ScheduledExecutorService executor = this.supervisor;
		if (this.stream != lost || this.stopping || executor == null) {
			return;
		}
		this.stream = null;
		lost.abort();
		List<Packet> dropped = this.outbound.close();
		dropped.forEach((stanza) -> this.observer.dropped(stanza, DropReason.CONNECTION_LOST));
		logger.debug("Component '{}' stands by as a spare: {}", this.endpoint.domain(), cause.getMessage());
		Duration delay = this.settings.standbyRetry();
		if (this.spareSince == 0) {
			// The application saw this session connect; the spare's later sessions it does not see.
			this.spareSince = System.nanoTime();
			this.backoff.reset();
			setStatus(ConnectionState.STANDBY, cause);
			publish(new ComponentDisconnectedEvent(this, cause));
			publish(new ComponentReconnectingEvent(this, 1, delay, cause));
		}
		this.nextAttempt = executor.schedule(this::attempt, delay.toMillis(), TimeUnit.MILLISECONDS);
	}

	private void attempt() {
		if (this.stopping) {
			return;
		}
		this.nextAttempt = null;
		if (this.standingBySince == 0 && this.spareSince == 0) {
			// A standby's attempts leave it STANDBY, so health and metrics do not flicker 4 times a second.
			setStatus(ConnectionState.CONNECTING, this.status.lastFailure());
		}
		ComponentTransport.Wire opened;
		try {
			opened = this.transport.open(this.endpoint, this.settings);
		}
		catch (ComponentConnectException ex) {
			if (ex.getReason() == Reason.CONFLICT) {
				standBy(ex);
			}
			else {
				this.standingBySince = 0;
				this.spareSince = 0;
				scheduleRetry(ex, true);
			}
			return;
		}
		this.stream = opened;
		this.outbound.open();
		opened.start(this.listener, this.outbound, this.observer, (cause) -> streamLost(opened, cause));
		if (this.spareSince == 0) {
			// A spare's retries are not reconnects (the reconnects meter and health would count 3 a second).
			this.connects++;
		}
		int failedBefore = this.backoff.failures();
		this.backoff.reset();
		long stoodBy = this.standingBySince;
		this.standingBySince = 0;
		if (this.spareSince != 0) {
			// A spare's retry: it stays STANDBY, and the rest of the application sees no connect,
			// unless its replica finds a slot in this session.
			this.spareRequested = false;
			logger.debug("Connected as component '{}' to {}:{}; looking for a free slot", this.endpoint.domain(),
					this.endpoint.host(), this.endpoint.port());
			publish(new ComponentSpareSessionEvent(this, opened.streamId()));
			if (this.spareRequested || this.stream != opened) {
				return;
			}
			logger.info("Component '{}' got a slot after standing by as a spare for {} ms", this.endpoint.domain(),
					TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - this.spareSince));
			this.spareSince = 0;
			this.connects++;
			setStatus(ConnectionState.CONNECTED, null);
			publish(new ComponentConnectedEvent(this, this.endpoint, opened.streamId(), this.connects));
			return;
		}
		setStatus(ConnectionState.CONNECTED, null);
		if (stoodBy != 0) {
			logger.info("Took component '{}' over at {}:{} after standing by for {} ms", this.endpoint.domain(),
					this.endpoint.host(), this.endpoint.port(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stoodBy));
		}
		else {
			logger.info("Connected as component '{}' to {}:{}{}", this.endpoint.domain(), this.endpoint.host(),
					this.endpoint.port(), (failedBefore > 0) ? " after " + failedBefore + " failed attempts" : "");
		}
		publish(new ComponentConnectedEvent(this, this.endpoint, opened.streamId(), this.connects));
	}

	private void streamLost(ComponentTransport.Wire lost, Throwable cause) {
		ScheduledExecutorService executor = this.supervisor;
		if (executor != null && !executor.isShutdown()) {
			executor.execute(() -> handleLoss(lost, cause));
		}
	}

	private void handleLoss(ComponentTransport.Wire lost, Throwable cause) {
		if (this.stream != lost || this.stopping) {
			return;
		}
		this.stream = null;
		lost.abort();
		List<Packet> dropped = this.outbound.close();
		dropped.forEach((stanza) -> this.observer.dropped(stanza, DropReason.CONNECTION_LOST));
		String unsent = dropped.isEmpty() ? "" : " (" + dropped.size() + " unsent stanzas dropped)";
		if (cause instanceof ComponentConnectException connect && connect.getReason() == Reason.CONFLICT) {
			// Reconnecting would kick the newcomer out in turn (with kick_old), and so on for ever.
			logger.warn("Component '{}' was replaced by another instance: {}. This instance does not reconnect (that "
					+ "would kick the other one out in turn); it stays REPLACED and not ready until it is stopped{}",
					this.endpoint.domain(), cause.getMessage(), unsent);
			setStatus(ConnectionState.REPLACED, cause);
			publish(new ComponentDisconnectedEvent(this, cause));
			return;
		}
		this.spareSince = 0;
		logger.warn("Lost the stream of component '{}': {}{}", this.endpoint.domain(), cause.getMessage(), unsent);
		setStatus(ConnectionState.BACKOFF, cause);
		publish(new ComponentDisconnectedEvent(this, cause));
		scheduleRetry(cause, false);
	}

	/**
	 * Another session holds the domain: try again after the fixed standby delay rather than the
	 * growing backoff, so the hand-over gap stays one delay at most, and log it once, not per try.
	 */
	private void standBy(ComponentConnectException conflict) {
		ScheduledExecutorService executor = this.supervisor;
		if (this.stopping || executor == null) {
			return;
		}
		Duration delay = this.settings.standbyRetry();
		if (this.standingBySince == 0) {
			this.standingBySince = System.nanoTime();
			this.backoff.reset();
			setStatus(ConnectionState.STANDBY, conflict);
			logger.info("Component '{}' is held by another instance (the server answered conflict); standing by "
					+ "and taking over when it leaves, trying every {} ms", this.endpoint.domain(), delay.toMillis());
			publish(new ComponentReconnectingEvent(this, 1, delay, conflict));
		}
		else {
			logger.debug("Component '{}' is still held by another instance", this.endpoint.domain());
		}
		this.nextAttempt = executor.schedule(this::attempt, delay.toMillis(), TimeUnit.MILLISECONDS);
	}

	private void scheduleRetry(Throwable cause, boolean log) {
		ScheduledExecutorService executor = this.supervisor;
		if (this.stopping || executor == null) {
			return;
		}
		Duration delay = this.backoff.next();
		int attempt = this.backoff.failures();
		setStatus(ConnectionState.BACKOFF, cause);
		if (log) {
			logFailure(cause, attempt, delay);
		}
		else {
			logger.info("Reconnecting component '{}' in {} ms", this.endpoint.domain(), delay.toMillis());
		}
		publish(new ComponentReconnectingEvent(this, attempt, delay, cause));
		this.nextAttempt = executor.schedule(this::attempt, delay.toMillis(), TimeUnit.MILLISECONDS);
	}

	private void logFailure(Throwable cause, int attempt, Duration delay) {
		Reason reason = (cause instanceof ComponentConnectException connect) ? connect.getReason() : Reason.NETWORK;
		String retry = "retry " + attempt + " in " + delay.toMillis() + " ms";
		if (reason == Reason.NOT_AUTHORIZED || reason == Reason.CONFLICT) {
			logger.error("{}; {}", cause.getMessage(), retry);
		}
		else if (attempt == 1 || logger.isDebugEnabled()) {
			logger.warn("Component '{}' not connected to {}:{}: {}; {}", this.endpoint.domain(), this.endpoint.host(),
					this.endpoint.port(), cause.getMessage(), retry);
		}
		else {
			logger.info("Component '{}' still not connected: {}; {}", this.endpoint.domain(), cause.getMessage(), retry);
		}
	}

	/**
	 * Graceful stop: stop taking stanzas, let accepted handlers finish and their replies go out
	 * (each within the shutdown timeout), end the stream, release the supervisor thread.
	 */
	@Override
	public void stop() {
		ScheduledExecutorService executor;
		synchronized (this) {
			executor = this.supervisor;
			if (executor == null || this.stopping) {
				return;
			}
			this.stopping = true;
		}
		long deadline = System.nanoTime() + this.settings.shutdownTimeout().toNanos();
		if (this.status.state() == ConnectionState.CONNECTED) {
			setStatus(ConnectionState.DRAINING, null);
			logger.info("Draining component '{}': finishing accepted stanzas; new ones are held by the server for the "
					+ "next instance if it can, else answered with a wait error",
					this.endpoint.domain());
		}
		// First of all: what the server routes from now on waits for the next instance (if it can).
		// Until it answers, what arrives is handled as usual: it was routed here, and is answered here.
		hold(executor, this.settings.shutdownTimeout().dividedBy(2));
		long drainStart = System.nanoTime();
		this.listener.drain(remaining(deadline));
		long drained = System.nanoTime();
		try {
			executor.submit(() -> {
				ScheduledFuture<?> pending = this.nextAttempt;
				if (pending != null) {
					pending.cancel(false);
				}
				ComponentTransport.Wire current = this.stream;
				this.stream = null;
				if (current != null) {
					JID via = this.barrierAddress.get();
					if (via != null) {
						current.routeBarrierThrough(via.toString());
					}
					// The wire writes what is queued, then its end: the replies of the drained handlers go out.
					current.close(remaining(deadline));
				}
				this.outbound.close().forEach((stanza) -> this.observer.dropped(stanza, DropReason.CONNECTION_LOST));
				setStatus(ConnectionState.STOPPED, null);
				if (current != null) {
					logger.info("Disconnected component '{}' (handlers drained in {} ms, stream closed in {} ms)",
							this.endpoint.domain(), TimeUnit.NANOSECONDS.toMillis(drained - drainStart),
							TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - drained));
					publish(new ComponentDisconnectedEvent(this, null));
				}
			}).get(this.settings.shutdownTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
		}
		catch (Exception ex) {
			logger.warn("Graceful stop of component '{}' did not complete: {}", this.endpoint.domain(), ex.toString());
		}
		finally {
			executor.shutdownNow();
			synchronized (this) {
				this.supervisor = null;
			}
		}
	}

	/** Asks the stream (on the supervisor thread, which owns it) for the server's hand-over hold. */
	private boolean hold(ScheduledExecutorService executor, Duration timeout) {
		long start = System.nanoTime();
		try {
			boolean held = executor.submit(() -> {
				ComponentTransport.Wire current = this.stream;
				return current != null && current.hold(timeout);
			}).get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
			if (held) {
				logger.info("The server holds the stanzas for component '{}' for the next instance (answered in {} ms)",
						this.endpoint.domain(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
			}
			return held;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		catch (ExecutionException | TimeoutException ex) {
			logger.debug("No hand-over hold for component '{}': {}", this.endpoint.domain(), ex.toString());
			return false;
		}
	}

	@Override
	public boolean isRunning() {
		return this.supervisor != null && !this.stopping;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	private void setStatus(ConnectionState state, @Nullable Throwable failure) {
		ConnectionStatus previous = this.status;
		Instant since = (previous.state() == state) ? previous.since() : Instant.now();
		this.status = new ConnectionStatus(state, since, failure, this.connects, this.backoff.failures());
	}

	private void publish(ApplicationEvent event) {
		try {
			this.events.publishEvent(event);
		}
		catch (RuntimeException ex) {
			logger.error("A listener of {} failed", event.getClass().getSimpleName(), ex);
		}
		if (event instanceof ComponentConnectedEvent) {
			this.connectedPublished.incrementAndGet();
		}
		else if (event instanceof ComponentDisconnectedEvent) {
			this.disconnectedPublished.incrementAndGet();
		}
		else if (event instanceof ComponentReconnectingEvent) {
			this.reconnectingPublished.incrementAndGet();
		}
	}

	/**
	 * How many connection events of each kind have been published and seen by every listener, for
	 * a test that waits until the application has reacted to a connect or a loss.
	 */
	public PublishedEvents publishedEvents() {
		return new PublishedEvents(this.connectedPublished.get(), this.disconnectedPublished.get(),
				this.reconnectingPublished.get());
	}

	/**
	 * Counts of connection events whose listeners have all run.
	 * @param connected {@link ComponentConnectedEvent}s
	 * @param disconnected {@link ComponentDisconnectedEvent}s
	 * @param reconnecting {@link ComponentReconnectingEvent}s
	 */
	public record PublishedEvents(long connected, long disconnected, long reconnecting) {
	}

	private static Duration remaining(long deadline) {
		return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
	}

}
