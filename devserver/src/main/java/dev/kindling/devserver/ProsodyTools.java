package dev.kindling.devserver;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Process, signal and file helpers for {@link ProsodyServer}.
 */
final class ProsodyTools {

	private static final Logger logger = LoggerFactory.getLogger(ProsodyServer.class);

	/** Searched after the PATH: where Debian and a source install put Prosody. */
	static final List<Path> FALLBACK_DIRS = List.of(Path.of("/usr/bin"), Path.of("/usr/local/bin"));

	private static final long COMMAND_TIMEOUT_SECONDS = 30;

	/** Logs {@link #READY_LINE} once every host is loaded (Prosody's "server-started" event). */
	private static final String READY_PLUGIN = "mod_kindling_ready.lua";

	private static final String HANDOVER_PLUGIN = "mod_kindling_handover.lua";

	static final String READY_LINE = "Kindling: Prosody is ready";

	private ProsodyTools() {
	}

	/**
	 * The executable: {@code configured} if it is a path, else {@code name} (or the bare name
	 * configured) on the PATH or in {@link #FALLBACK_DIRS}.
	 */
	static Path locate(@Nullable Path configured, String name) {
		return locate(configured, name, System.getenv("PATH"), FALLBACK_DIRS);
	}

	static Path locate(@Nullable Path configured, String name, @Nullable String pathVariable,
			List<Path> fallbackDirs) {
		if (configured != null && (configured.isAbsolute() || configured.getNameCount() > 1)) {
			if (Files.isRegularFile(configured) && Files.isExecutable(configured)) {
				return configured.toAbsolutePath();
			}
			throw ProsodyNotInstalledException.notAt(configured.toString());
		}
		String wanted = (configured != null) ? configured.toString() : name;
		Stream<Path> pathDirs = (pathVariable != null)
				? Stream.of(pathVariable.split(File.pathSeparator)).filter((dir) -> !dir.isEmpty()).map(Path::of)
				: Stream.empty();
		return Stream.concat(pathDirs, fallbackDirs.stream())
			.map((dir) -> dir.resolve(wanted))
			.filter((candidate) -> Files.isRegularFile(candidate) && Files.isExecutable(candidate))
			.findFirst()
			.map(Path::toAbsolutePath)
			.orElseThrow(() -> ProsodyNotInstalledException.notOnPath(wanted));
	}

	/** Runs {@code prosody --config <config> -F} in the config's directory, output appended to a file. */
	private static final Path SETSID = Path.of("/usr/bin/setsid");

	static Process spawn(Path executable, Path config, Path output) {
		List<String> command = new ArrayList<>();
		if (Files.isExecutable(SETSID)) {
			// A session of its own: Ctrl+C in a terminal signals the JVM, which then stops the
			// component before the server, instead of both dying at once. setsid execs in place,
			// so the pid stays Prosody's.
			command.add(SETSID.toString());
		}
		command.addAll(List.of(executable.toString(), "--config", config.toString(), "-F"));
		ProcessBuilder builder = new ProcessBuilder(command)
			.directory(config.getParent().toFile())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
		try {
			Process started = builder.start();
			started.getOutputStream().close();
			logger.debug("Spawned {} (pid {})", String.join(" ", builder.command()), started.pid());
			return started;
		}
		catch (IOException ex) {
			throw new ProsodyException("Could not run " + executable + ": " + ex.getMessage(), ex);
		}
	}

	/** Free loopback ports for each 0 in {@code fixed}; the others are kept. */
	static int[] freePorts(int... fixed) {
		ServerSocket[] sockets = new ServerSocket[fixed.length];
		try {
			int[] ports = fixed.clone();
			for (int i = 0; i < fixed.length; i++) {
				if (fixed[i] == 0) {
					// All open at once, so the ports differ.
					sockets[i] = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
					ports[i] = sockets[i].getLocalPort();
				}
			}
			return ports;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not find free ports on 127.0.0.1", ex);
		}
		finally {
			for (ServerSocket socket : sockets) {
				closeQuietly(socket);
			}
		}
	}

	private static void closeQuietly(@Nullable ServerSocket socket) {
		try {
			if (socket != null) {
				socket.close();
			}
		}
		catch (IOException ex) {
			// nothing to do
		}
	}

	static void write(Path file, String content) {
		try {
			Files.writeString(file, content);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write " + file, ex);
		}
	}

	/**
	 * Polls until mod_kindling_ready reports every host loaded and the ports accept. False if
	 * Prosody could not bind a port: it logs that and keeps running, so a plain TCP probe could
	 * reach another process's listener.
	 * @throws ProsodyException if Prosody exits or is not ready in time
	 */
	static boolean awaitReady(Process process, Path output, long outputOffset, Duration timeout, int... ports) {
		long deadline = System.nanoTime() + timeout.toNanos();
		long acceptingSince = 0;
		while (true) {
			String text = readFrom(output, outputOffset);
			if (text.contains("Failed to open server port")) {
				return false;
			}
			if (!process.isAlive()) {
				throw new ProsodyException(
						"Prosody exited during start with code " + process.exitValue() + outputTail(output));
			}
			boolean loaded = text.contains(READY_LINE);
			if ((loaded || acceptingSince == 0) && IntStream.of(ports).allMatch(ProsodyTools::accepts)) {
				if (loaded) {
					return true;
				}
				acceptingSince = System.nanoTime();
			}
			if (acceptingSince != 0 && System.nanoTime() - acceptingSince > TimeUnit.SECONDS.toNanos(2)) {
				// Only if the plugin failed to load: the ports have been open for a while.
				logger.warn("Prosody did not log \"{}\"; assuming it is ready. See {}", READY_LINE, output);
				return true;
			}
			if (System.nanoTime() - deadline > 0) {
				throw new ProsodyException("Prosody did not accept connections on ports "
						+ IntStream.of(ports).mapToObj(Integer::toString).collect(Collectors.joining(", ")) + " within "
						+ timeout.toMillis() + " ms" + outputTail(output));
			}
			pause(5);
		}
	}

	/** For exception messages: where to look, and the last 40 lines of Prosody's output. */
	static String outputTail(Path output) {
		return "; see " + output.getParent() + ". Last lines of Prosody's output:\n" + tail(output, 40);
	}

	static boolean accepts(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 250);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	static Path createDirectory() {
		try {
			Path directory = Files.createTempDirectory("kindling-prosody-");
			Files.createDirectories(directory.resolve("data"));
			Files.createDirectories(directory.resolve("certs"));
			Path plugins = Files.createDirectories(directory.resolve("plugins"));
			// Both are written whatever the options: Prosody loads only what the configuration enables.
			for (String name : List.of(READY_PLUGIN, HANDOVER_PLUGIN)) {
				try (InputStream plugin = ProsodyTools.class.getResourceAsStream(name)) {
					if (plugin == null) {
						throw new IllegalStateException(name + " is not on the classpath");
					}
					Files.copy(plugin, plugins.resolve(name));
				}
			}
			return directory;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not create a temporary directory for Prosody", ex);
		}
	}

	/**
	 * Runs short commands in parallel and waits for all of them.
	 * @param commands what to run, keyed by a description for error messages
	 * @throws ProsodyException for the first that fails (with its output) or takes over 30 s
	 */
	static void runAll(Map<String, List<String>> commands) {
		Map<String, Process> processes = new LinkedHashMap<>();
		Map<String, Path> outputs = new LinkedHashMap<>();
		try {
			for (Map.Entry<String, List<String>> command : commands.entrySet()) {
				Path output = Files.createTempFile("kindling-prosody-", ".out");
				outputs.put(command.getKey(), output);
				Process process = new ProcessBuilder(command.getValue()).redirectErrorStream(true)
					.redirectOutput(output.toFile())
					.start();
				process.getOutputStream().close();
				processes.put(command.getKey(), process);
			}
			for (Map.Entry<String, Process> entry : processes.entrySet()) {
				String what = entry.getKey();
				Process process = entry.getValue();
				if (!waitFor(process, COMMAND_TIMEOUT_SECONDS)) {
					throw new ProsodyException(what + " did not finish within " + COMMAND_TIMEOUT_SECONDS + " s");
				}
				if (process.exitValue() != 0) {
					throw new ProsodyException(what + " failed with exit code " + process.exitValue() + ": "
							+ Files.readString(outputs.get(what)).strip());
				}
			}
		}
		catch (IOException ex) {
			throw new ProsodyException("Could not run " + commands.keySet() + ": " + ex.getMessage(), ex);
		}
		finally {
			processes.values().forEach(Process::destroyForcibly); // no-op for those that ended
			outputs.values().forEach(ProsodyTools::deleteRecursively);
		}
	}

	/** Sends a signal such as STOP or CONT with {@code kill}. */
	static void signal(long pid, String signal) {
		runAll(Map.of("kill -" + signal + " " + pid, List.of("kill", "-" + signal, Long.toString(pid))));
	}

	/**
	 * Waits until {@code /proc/<pid>/stat} shows the process stopped (or no longer stopped). Does
	 * nothing where there is no {@code /proc}.
	 */
	static void awaitStopped(long pid, boolean stopped) {
		Path stat = Path.of("/proc", Long.toString(pid), "stat");
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
		while (Files.exists(stat)) {
			String content;
			try {
				content = Files.readString(stat);
			}
			catch (IOException ex) {
				return;
			}
			// "pid (comm) S ...": the state follows the last parenthesis.
			int state = content.lastIndexOf(')') + 2;
			boolean isStopped = state < content.length() && Character.toLowerCase(content.charAt(state)) == 't';
			if (isStopped == stopped) {
				return;
			}
			if (System.nanoTime() - deadline > 0) {
				throw new ProsodyException("Process " + pid + " did not " + (stopped ? "stop" : "continue")
						+ " within 5 s: " + content.strip());
			}
			pause(1);
		}
	}

	/**
	 * Ends a process: SIGKILL if {@code force}, else it waits 5 s for an exit already requested
	 * (SIGTERM) before it kills. Returns once the process is gone and reaped.
	 */
	static void destroy(Process process, boolean force) {
		if (force) {
			process.destroyForcibly();
		}
		else if (!waitFor(process, 5)) {
			logger.warn("Prosody (pid {}) did not exit within 5 s of SIGTERM; killing it", process.pid());
			process.destroyForcibly();
		}
		if (!waitFor(process, COMMAND_TIMEOUT_SECONDS)) {
			throw new ProsodyException("Prosody (pid " + process.pid() + ") did not exit after SIGKILL");
		}
	}

	/** Waits without giving up on interrupts (the flag is restored); false on timeout. */
	static boolean waitFor(Process process, long seconds) {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
		boolean interrupted = false;
		try {
			while (true) {
				try {
					return process.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
				}
				catch (InterruptedException ex) {
					interrupted = true;
				}
			}
		}
		finally {
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}
	}

	static long size(Path file) {
		try {
			return Files.size(file);
		}
		catch (IOException ex) {
			return 0;
		}
	}

	/** The file's content from {@code offset} on, or an empty string. */
	static String readFrom(Path file, long offset) {
		try (SeekableByteChannel channel = Files.newByteChannel(file)) {
			long length = channel.size() - offset;
			if (length <= 0) {
				return "";
			}
			ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(length, 1 << 20));
			channel.position(offset);
			while (buffer.hasRemaining() && channel.read(buffer) > 0) {
				// read on
			}
			return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
		}
		catch (NoSuchFileException ex) {
			return "";
		}
		catch (IOException ex) {
			logger.debug("Could not read {}", file, ex);
			return "";
		}
	}

	/** The last lines of a file (from its last 64 KiB), or an empty string. */
	static String tail(Path file, int lines) {
		String end = readFrom(file, Math.max(0, size(file) - 65536));
		List<String> all = end.lines().toList();
		return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
	}

	static void deleteRecursively(Path directory) {
		if (!Files.exists(directory)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(directory)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
		catch (IOException ex) {
			logger.warn("Could not delete {}: {}", directory, ex.toString());
		}
	}

	static long millisSince(long startNanos) {
		return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
	}

	static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ProsodyException("Interrupted while waiting for Prosody");
		}
	}

}
