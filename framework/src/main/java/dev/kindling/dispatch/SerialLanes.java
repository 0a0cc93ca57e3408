package dev.kindling.dispatch;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks with the same key one after another, in the order offered, and tasks with different
 * keys in parallel on a shared executor. A lane exists only while it has work, and at most one
 * drain of a lane is ever scheduled, so the executor's own queue never holds more tasks than there
 * are busy keys. Queued tasks are bounded in total: {@link #offer} refuses beyond the capacity.
 */
final class SerialLanes {

	private static final Logger logger = LoggerFactory.getLogger(SerialLanes.class);

	/** Tasks one drain runs before yielding its thread to other lanes. */
	private static final int FAIRNESS_BATCH = 32;

	private final ConcurrentHashMap<String, Lane> lanes = new ConcurrentHashMap<>();

	private final Executor executor;

	private final int capacity;

	private final AtomicInteger queued = new AtomicInteger();

	SerialLanes(Executor executor, int capacity) {
		this.executor = executor;
		this.capacity = capacity;
	}

	/**
	 * Queue a task behind the earlier tasks of its key.
	 * @return {@code false} when the total capacity is exhausted; the task was not queued
	 */
	boolean offer(String key, Runnable task) {
		if (this.queued.incrementAndGet() > this.capacity) {
			this.queued.decrementAndGet();
			return false;
		}
		boolean[] created = new boolean[1];
		Lane lane = this.lanes.compute(key, (k, existing) -> {
			Lane target = existing;
			if (target == null) {
				target = new Lane(k);
				created[0] = true;
			}
			target.add(task);
			return target;
		});
		if (created[0]) {
			try {
				this.executor.execute(lane::drain);
			}
			catch (RejectedExecutionException ex) {
				// The executor is shut down: undo, the task was never accepted.
				this.lanes.remove(key, lane);
				this.queued.addAndGet(-lane.size());
				return false;
			}
		}
		return true;
	}

	/** Tasks accepted and not yet finished. */
	int queued() {
		return this.queued.get();
	}

	/** Keys with work queued or running. */
	int activeLanes() {
		return this.lanes.size();
	}

	private final class Lane {

		private final String key;

		private final Queue<Runnable> tasks = new ArrayDeque<>();

		Lane(String key) {
			this.key = key;
		}

		synchronized void add(Runnable task) {
			this.tasks.add(task);
		}

		synchronized Runnable poll() {
			return this.tasks.poll();
		}

		synchronized int size() {
			return this.tasks.size();
		}

		synchronized boolean isEmpty() {
			return this.tasks.isEmpty();
		}

		void drain() {
			for (int i = 0; i < FAIRNESS_BATCH; i++) {
				Runnable task = poll();
				if (task == null) {
					break;
				}
				try {
					task.run();
				}
				catch (Throwable ex) {
					logger.error("Task for '{}' failed", this.key, ex);
				}
				finally {
					SerialLanes.this.queued.decrementAndGet();
				}
			}
			// Remove the lane if it ran dry, atomically with offers to the same key; otherwise go
			// to the back of the executor's queue so other keys get their turn.
			boolean[] more = new boolean[1];
			SerialLanes.this.lanes.computeIfPresent(this.key, (k, lane) -> {
				if (lane.isEmpty()) {
					return null;
				}
				more[0] = true;
				return lane;
			});
			if (more[0]) {
				SerialLanes.this.executor.execute(this::drain);
			}
		}

	}

}
