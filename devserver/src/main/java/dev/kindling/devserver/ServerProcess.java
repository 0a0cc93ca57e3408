package dev.kindling.devserver;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * The process and lifecycle steps that {@link ProsodyServer} and {@link EjabberdServer} take
 * alike: the loopback address, the shutdown hook, the liveness checks and the port summary.
 */
final class ServerProcess {

	/** Every listener of a dev server is bound to loopback only. */
	static final String HOST = "127.0.0.1";

	private ServerProcess() {
	}

	static void removeShutdownHook(Thread hook) {
		try {
			Runtime.getRuntime().removeShutdownHook(hook);
		}
		catch (IllegalStateException ex) {
			// The JVM is shutting down already: the hook runs and does the same.
		}
	}

	/** What the shutdown hook does: kill the process (waiting briefly) and delete the directory. */
	static void killAndDelete(@Nullable Process running, Path directory) {
		if (running != null) {
			running.destroyForcibly();
			try {
				running.waitFor(2, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		ProsodyTools.deleteRecursively(directory);
	}

	static boolean isAlive(@Nullable Process running) {
		return running != null && running.isAlive();
	}

	/**
	 * The process if it is alive.
	 * @throws IllegalStateException naming the server ({@code name}) if it is not running
	 */
	static Process requireRunning(@Nullable Process running, String name) {
		if (running == null || !running.isAlive()) {
			throw new IllegalStateException(name + " is not running");
		}
		return running;
	}

	/** For log and exception messages. */
	static String ports(int c2sPort, int componentPort, int httpPort) {
		return c2sPort + "/" + componentPort + "/" + httpPort + " (c2s/component/http)";
	}

}
