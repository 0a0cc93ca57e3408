package dev.kindling.liveness;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.event.SmartApplicationListener;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;

import dev.kindling.DaemonThreads;
import dev.kindling.RequestTimeoutException;
import dev.kindling.XmppErrorException;
import dev.kindling.builtin.PingHandler;
import dev.kindling.connection.ComponentConnectException;
import dev.kindling.connection.ComponentConnectException.Reason;
import dev.kindling.connection.ComponentConnectedEvent;
import dev.kindling.connection.ComponentConnection;
import dev.kindling.connection.ComponentDisconnectedEvent;
import dev.kindling.template.XmppTemplate;

/**
 * Pings the server every interval while connected. Any answer, a result or an error, proves the
 * stream alive; none within the timeout declares it dead and has the connection rebuild it.
 */
public class LivenessMonitor implements SmartApplicationListener, DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(LivenessMonitor.class);

	private final ComponentConnection connection;

	private final XmppTemplate template;

	private final JID target;

	private final Duration interval;

	private final Duration timeout;

	private final ScheduledExecutorService scheduler;

	private @Nullable ScheduledFuture<?> task;

	private volatile @Nullable Supplier<@Nullable JID> self;

	private volatile long lastRoundTripNanos = -1;

	private volatile @Nullable Instant lastAnswerAt;

	/** {@code System.nanoTime()} when the oldest ping still awaiting its answer was sent, or -1. */
	private volatile long unansweredSinceNanos = -1;

	public LivenessMonitor(ComponentConnection connection, XmppTemplate template, JID target, Duration interval,
			Duration timeout) {
		this.connection = connection;
		this.template = template;
		this.target = target;
		this.interval = interval;
		this.timeout = timeout;
		ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, DaemonThreads.named("kindling-liveness"));
		executor.setRemoveOnCancelPolicy(true);
		this.scheduler = executor;
	}

	@Override
	public boolean supportsEventType(Class<? extends ApplicationEvent> eventType) {
		return ComponentConnectedEvent.class.isAssignableFrom(eventType)
				|| ComponentDisconnectedEvent.class.isAssignableFrom(eventType);
	}

	@Override
	public void onApplicationEvent(ApplicationEvent event) {
		if (event.getSource() != this.connection) {
			return;
		}
		if (event instanceof ComponentConnectedEvent) {
			schedule();
		}
		else {
			cancel();
		}
	}

	private synchronized void schedule() {
		cancel();
		long period = this.interval.toMillis();
		this.task = this.scheduler.scheduleWithFixedDelay(this::ping, period, period, TimeUnit.MILLISECONDS);
	}

	private synchronized void cancel() {
		this.unansweredSinceNanos = -1;
		if (this.task != null) {
			this.task.cancel(false);
			this.task = null;
		}
	}

	/**
	 * Ping an address of the component's own from and to itself instead of the target, whenever
	 * the supplier gives one: a balanced replica pings its home, which the server routes back to it
	 * whichever replica holds the target's slot; {@code null} pings the target.
	 */
	public void setSelfAddress(Supplier<@Nullable JID> self) {
		this.self = self;
	}

	private void ping() {
		IQ ping = new IQ(IQ.Type.get);
		Supplier<@Nullable JID> selfAddress = this.self;
		JID from = (selfAddress != null) ? selfAddress.get() : null;
		JID to = (from != null) ? from : this.target;
		ping.setFrom(from);
		ping.setTo(to);
		ping.setChildElement("ping", PingHandler.NAMESPACE);
		long start = System.nanoTime();
		if (this.unansweredSinceNanos < 0) {
			this.unansweredSinceNanos = start;
		}
		try {
			this.template.request(ping, this.timeout).handle((answer, ex) -> {
				Throwable cause = (ex != null && ex.getCause() != null) ? ex.getCause() : ex;
				if (cause == null || cause instanceof XmppErrorException) {
					this.lastRoundTripNanos = System.nanoTime() - start;
					this.lastAnswerAt = Instant.now();
					this.unansweredSinceNanos = -1;
				}
				else if (cause instanceof RequestTimeoutException) {
					logger.warn("The server did not answer a ping within {} ms; rebuilding the stream", this.timeout.toMillis());
					this.connection.reconnect(new ComponentConnectException(Reason.PING_TIMEOUT,
							"No answer to a ping to " + to + " within " + this.timeout.toMillis() + " ms"));
				}
				return null;
			});
		}
		catch (RuntimeException ex) {
			logger.debug("Ping not sent: {}", ex.getMessage());
		}
	}

	/** The round trip of the last answered ping, or {@code null} before the first answer. */
	public @Nullable Duration lastRoundTrip() {
		long nanos = this.lastRoundTripNanos;
		return (nanos < 0) ? null : Duration.ofNanos(nanos);
	}

	/** When the last ping was answered, or {@code null} before the first answer. */
	public @Nullable Instant lastAnswerAt() {
		return this.lastAnswerAt;
	}

	/**
	 * Whether a ping has gone unanswered for longer than the timeout: the stream is about to be
	 * declared dead, or a stuck writer kept the ping from leaving.
	 */
	public boolean isPingOverdue() {
		long since = this.unansweredSinceNanos;
		return since >= 0 && System.nanoTime() - since > this.timeout.toNanos();
	}

	/** The configured time limit for a ping's answer. */
	public Duration getTimeout() {
		return this.timeout;
	}

	@Override
	public void destroy() {
		this.scheduler.shutdownNow();
	}

}
