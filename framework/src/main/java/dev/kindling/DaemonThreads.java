package dev.kindling;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one way Kindling makes its background threads: daemon threads (they never keep the JVM
 * alive), named {@code kindling-…} so thread dumps and profiles say whose they are.
 */
public final class DaemonThreads {

	private DaemonThreads() {
	}

	/** Threads all named {@code name}, for an executor of one thread. */
	public static ThreadFactory named(String name) {
		return (task) -> create(task, name);
	}

	/** Threads named {@code prefix1}, {@code prefix2}, …, for a pool. */
	public static ThreadFactory numbered(String prefix) {
		AtomicInteger count = new AtomicInteger();
		return (task) -> create(task, prefix + count.incrementAndGet());
	}

	/** A daemon thread running {@code task}, started. */
	public static Thread start(String name, Runnable task) {
		Thread thread = create(task, name);
		thread.start();
		return thread;
	}

	private static Thread create(Runnable task, String name) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		return thread;
	}

}
