package dev.kindling.template;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.PacketError.Condition;

import dev.kindling.RequestTimeoutException;
import dev.kindling.StanzaNotSentException;
import dev.kindling.XmppErrorException;
import dev.kindling.observe.RequestOutcome;
import dev.kindling.observe.StanzaObserver;

/**
 * IQ requests waiting for their answer, by id. An answer completes its request only when it comes
 * from the entity the request was sent to, so a guessed id cannot forge a result.
 */
public final class PendingRequests {

	private static final Logger logger = LoggerFactory.getLogger(PendingRequests.class);

	private final Map<String, Pending> pending = new ConcurrentHashMap<>();

	private final int capacity;

	private final StanzaObserver observer;

	public PendingRequests(int capacity, StanzaObserver observer) {
		this.capacity = capacity;
		this.observer = observer;
	}

	CompletableFuture<IQ> register(IQ request, Duration timeout) {
		if (this.pending.size() >= this.capacity) {
			throw new StanzaNotSentException("Too many IQ requests awaiting an answer (" + this.capacity + ")");
		}
		String id = request.getID();
		CompletableFuture<IQ> future = new CompletableFuture<>();
		Pending entry = new Pending(request, System.nanoTime(), future);
		if (this.pending.putIfAbsent(id, entry) != null) {
			throw new IllegalArgumentException("An IQ request with id '" + id + "' is already awaiting its answer");
		}
		CompletableFuture.delayedExecutor(timeout.toNanos(), TimeUnit.NANOSECONDS).execute(() -> {
			if (this.pending.remove(id, entry)) {
				entry.observed(this.observer, RequestOutcome.TIMEOUT);
				future.completeExceptionally(new RequestTimeoutException(id, String.valueOf(request.getTo()), timeout));
			}
		});
		return future;
	}

	void cancel(String id, Throwable cause) {
		Pending entry = this.pending.remove(id);
		if (entry != null) {
			entry.observed(this.observer, RequestOutcome.NOT_SENT);
			entry.future().completeExceptionally(cause);
		}
	}

	/**
	 * Complete the request this {@code result} or {@code error} answers.
	 * @return whether it answered one of our requests
	 */
	public boolean complete(IQ answer) {
		String id = answer.getID();
		if (id == null) {
			return false;
		}
		Pending entry = this.pending.get(id);
		if (entry == null || !entry.answeredBy(answer.getFrom()) || !this.pending.remove(id, entry)) {
			return false;
		}
		entry.observed(this.observer, (answer.getType() == IQ.Type.error) ? RequestOutcome.ERROR : RequestOutcome.RESULT);
		// Completed on the common pool: what depends on the answer must not run on the reader thread.
		ForkJoinPool.commonPool().execute(() -> {
			if (answer.getType() == IQ.Type.error) {
				entry.future().completeExceptionally((answer.getError() != null) ? XmppErrorException.of(answer.getError())
						: new XmppErrorException(Condition.undefined_condition, "error answer without a condition"));
			}
			else {
				entry.future().complete(answer);
			}
		});
		return true;
	}

	/** Fail every waiting request, e.g. because the stream that carried them is gone. */
	public void failAll(String reason) {
		int failed = 0;
		for (String id : this.pending.keySet()) {
			Pending entry = this.pending.remove(id);
			if (entry != null) {
				entry.observed(this.observer, RequestOutcome.NOT_SENT);
				entry.future().completeExceptionally(new StanzaNotSentException(reason));
				failed++;
			}
		}
		if (failed > 0) {
			logger.debug("Failed {} pending IQ requests: {}", failed, reason);
		}
	}

	/** Requests awaiting an answer. */
	public int size() {
		return this.pending.size();
	}

	private record Pending(IQ request, long startNanos, CompletableFuture<IQ> future) {

		boolean answeredBy(@Nullable JID from) {
			return Objects.equals(this.request.getTo(), from);
		}

		void observed(StanzaObserver observer, RequestOutcome outcome) {
			observer.requestCompleted(this.request, System.nanoTime() - this.startNanos, outcome);
		}

	}

}
