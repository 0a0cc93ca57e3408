package dev.kindling.devserver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installation, process and Erlang helpers for {@link EjabberdServer}.
 */
final class EjabberdTools {

	private static final Logger logger = LoggerFactory.getLogger(EjabberdServer.class);

	/** Searched after the PATH: where Debian, a source install and the binary installer put it. */
	static final List<Path> FALLBACK_DIRS = List.of(Path.of("/usr/sbin"), Path.of("/usr/local/sbin"),
			Path.of("/usr/bin"), Path.of("/usr/local/bin"), Path.of("/opt/ejabberd/bin"));

	/** Where Erlang applications live if {@code ejabberdctl} does not say. */
	private static final List<Path> LIBRARY_DIRS = List.of(Path.of("/usr/lib/x86_64-linux-gnu"),
			Path.of("/usr/lib/aarch64-linux-gnu"), Path.of("/usr/lib/erlang/lib"), Path.of("/usr/local/lib"),
			Path.of("/opt/ejabberd/lib"));

	private static final Pattern ERL_LINE = Pattern.compile("(?m)^ERL=[\"']?([^\"'\\s]+)[\"']?\\s*$");

	private static final Pattern ERL_LIBS_LINE = Pattern.compile("(?m)^ERL_LIBS=[\"']?([^\"'\\s]+)[\"']?\\s*$");

	private static final Path SETSID = Path.of("/usr/bin/setsid");

	private EjabberdTools() {
	}

	/**
	 * Where ejabberd is installed: the Erlang runtime, the directory of Erlang applications that
	 * holds {@code ejabberd-<version>} (its {@code ERL_LIBS}), and the applications in it.
	 * @param erl the {@code erl} executable
	 * @param erlLibs the directory of applications
	 * @param applications its subdirectories with an {@code ebin}: on Debian, {@code erlLibs} is
	 * {@code /usr/lib/<arch>}, with over a thousand other entries that Erlang's code server would
	 * look at on every start
	 */
	record Installation(Path erl, String erlLibs, List<Path> applications) {
	}

	/** Installations found, by ERL_LIBS directory: each is listed once per JVM. */
	private static final Map<String, List<Path>> applications = new java.util.concurrent.ConcurrentHashMap<>();

	/**
	 * Finds ejabberd: {@code ejabberdctl} (configured, on the PATH or in {@link #FALLBACK_DIRS}),
	 * whose {@code ERL} and {@code ERL_LIBS} lines say where Erlang and ejabberd's libraries are.
	 * @throws EjabberdNotInstalledException if ejabberdctl, erl or the ejabberd application is missing
	 */
	static Installation locate(@Nullable Path configured) {
		return locate(configured, System.getenv("PATH"), FALLBACK_DIRS, LIBRARY_DIRS);
	}

	static Installation locate(@Nullable Path configured, @Nullable String pathVariable, List<Path> fallbackDirs,
			List<Path> libraryDirs) {
		Path ejabberdctl = locateExecutable(configured, "ejabberdctl", pathVariable, fallbackDirs);
		String script = readScript(ejabberdctl);
		Path erl = match(ERL_LINE, script).map(Path::of)
			.filter((path) -> Files.isRegularFile(path) && Files.isExecutable(path))
			.orElseGet(() -> {
				try {
					return ProsodyTools.locate(null, "erl", pathVariable, fallbackDirs);
				}
				catch (ProsodyNotInstalledException ex) {
					throw new EjabberdNotInstalledException("Erlang is not installed (looked for 'erl' on PATH, "
							+ "next to " + ejabberdctl + "). " + EjabberdNotInstalledException.INSTALL_HINT);
				}
			});
		Set<Path> candidates = new LinkedHashSet<>();
		match(ERL_LIBS_LINE, script).ifPresent((libs) -> candidates.add(Path.of(libs)));
		// A source or binary install keeps its libraries next to its bin directory.
		Path prefix = ejabberdctl.getParent().getParent();
		if (prefix != null) {
			candidates.add(prefix.resolve("lib"));
		}
		candidates.addAll(libraryDirs);
		for (Path candidate : candidates) {
			if (containsEjabberd(candidate)) {
				return new Installation(erl, candidate.toString(),
						applications.computeIfAbsent(candidate.toString(), (libs) -> listApplications(candidate)));
			}
		}
		throw new EjabberdNotInstalledException("ejabberd's Erlang application is not installed (looked for "
				+ "ejabberd-*/ebin/ejabberd.app in " + candidates + "). " + EjabberdNotInstalledException.INSTALL_HINT);
	}

	private static Path locateExecutable(@Nullable Path configured, String name, @Nullable String pathVariable,
			List<Path> fallbackDirs) {
		try {
			return ProsodyTools.locate(configured, name, pathVariable, fallbackDirs);
		}
		catch (ProsodyNotInstalledException ex) {
			String where = (configured != null && (configured.isAbsolute() || configured.getNameCount() > 1))
					? "'" + configured + "'" : "'" + ((configured != null) ? configured : name) + "' on PATH";
			throw new EjabberdNotInstalledException(
					"ejabberd is not installed (looked for " + where + "). " + EjabberdNotInstalledException.INSTALL_HINT);
		}
	}

	private static String readScript(Path ejabberdctl) {
		try {
			return Files.readString(ejabberdctl, StandardCharsets.ISO_8859_1);
		}
		catch (IOException ex) {
			throw new EjabberdNotInstalledException("Cannot read " + ejabberdctl + " (" + ex.getMessage() + "). "
					+ EjabberdNotInstalledException.INSTALL_HINT);
		}
	}

	private static java.util.Optional<String> match(Pattern pattern, String text) {
		Matcher matcher = pattern.matcher(text);
		return matcher.find() ? java.util.Optional.of(matcher.group(1)) : java.util.Optional.empty();
	}

	private static List<Path> listApplications(Path dir) {
		try (java.util.stream.Stream<Path> entries = Files.list(dir)) {
			return entries.filter((entry) -> Files.isDirectory(entry.resolve("ebin"))).sorted().toList();
		}
		catch (IOException ex) {
			return List.of();
		}
	}

	/**
	 * The {@code ERL_LIBS} of a node: a directory of its own with links to the installation's
	 * applications only, which Erlang scans faster than Debian's {@code /usr/lib/<arch>}; the
	 * installation's directory if links cannot be made.
	 */
	static String erlLibs(Installation installation, Path directory) {
		Path libs = directory.resolve("lib");
		try {
			if (!Files.isDirectory(libs)) {
				Files.createDirectories(libs);
				for (Path application : installation.applications()) {
					Files.createSymbolicLink(libs.resolve(application.getFileName()), application);
				}
			}
			return libs.toString();
		}
		catch (IOException | UnsupportedOperationException ex) {
			logger.debug("Cannot link ejabberd's applications into {}: {}", libs, ex.toString());
			return installation.erlLibs();
		}
	}

	private static boolean containsEjabberd(Path dir) {
		if (!Files.isDirectory(dir)) {
			return false;
		}
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, "ejabberd-*")) {
			for (Path entry : entries) {
				if (Files.isRegularFile(entry.resolve("ebin").resolve("ejabberd.app"))) {
					return true;
				}
			}
			return false;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * Runs an ejabberd node: {@code erl} with the node's name, cookie and distribution port on its
	 * own loopback address (no epmd), Mnesia under {@code spool}, the configuration and log of
	 * the directory; then {@code bootExpression}, whose output goes to {@code output} too.
	 */
	static Process spawn(Installation installation, Path directory, EjabberdNode node, String bootExpression,
			Path output) {
		List<String> command = new ArrayList<>();
		if (Files.isExecutable(SETSID)) {
			// A session of its own: Ctrl+C in a terminal signals the JVM, which then stops the
			// component before the server, instead of both dying at once. setsid, erl and erlexec
			// exec in place, so the pid is the Erlang VM's.
			command.add(SETSID.toString());
		}
		command.addAll(List.of(installation.erl().toString(), "-name", node.name(), "-setcookie", node.cookie(),
				// No shell, but standard input is read: the node halts when it closes.
				"-noshell",
				// No epmd: every node of ours listens on the same port, each on its own address.
				"-erl_epmd_port", Integer.toString(node.distributionPort()), "-start_epmd", "false",
				"-kernel", "inet_dist_use_interface", node.addressTuple(),
				// Schedulers sleep instead of spinning: many VMs share few cores in tests.
				"+sbwt", "none", "+sbwtdcpu", "none", "+sbwtdio", "none",
				"-mnesia", "dir", erlangString(directory.resolve("database").toString()),
				// Logs go to the log file only, not also to the console.
				"-ejabberd", "quiet", "true",
				"-s", "ejabberd", "-eval", bootExpression));
		ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
		Map<String, String> environment = builder.environment();
		environment.put("ERL_LIBS", erlLibs(installation, directory));
		environment.put("EJABBERD_CONFIG_PATH", directory.resolve("ejabberd.yml").toString());
		environment.put("EJABBERD_LOG_PATH", directory.resolve("logs").resolve("ejabberd.log").toString());
		environment.put("ERL_CRASH_DUMP", directory.resolve("erl_crash.dump").toString());
		environment.put("ERL_CRASH_DUMP_BYTES", "0");
		environment.put("CONTRIB_MODULES_PATH", directory.resolve("modules").toString());
		try {
			// Standard input stays open: the node halts when it closes (see the boot expression).
			Process started = builder.start();
			logger.debug("Spawned ejabberd node {} (pid {})", node.name(), started.pid());
			return started;
		}
		catch (IOException ex) {
			throw new EjabberdException("Could not run " + installation.erl() + ": " + ex.getMessage(), ex);
		}
	}

	/** An Erlang string literal (a list of characters). */
	static String erlangString(String text) {
		StringBuilder literal = new StringBuilder(text.length() + 2).append('"');
		text.codePoints().forEach((c) -> {
			if (c == '"' || c == '\\') {
				literal.append('\\').appendCodePoint(c);
			}
			else if (c < 0x20 || c >= 0x7f) {
				// Everything else as a code point escape: the command line stays ASCII.
				literal.append("\\x{").append(Integer.toHexString(c)).append('}');
			}
			else {
				literal.appendCodePoint(c);
			}
		});
		return literal.append('"').toString();
	}

	/** An Erlang UTF-8 binary literal, as ejabberd takes user names and passwords. */
	static String erlangBinary(String text) {
		return "<<" + erlangString(text) + "/utf8>>";
	}

	/** An Erlang quoted atom, e.g. a node name. */
	static String erlangAtom(String text) {
		String string = erlangString(text);
		return "'" + string.substring(1, string.length() - 1).replace("'", "\\'") + "'";
	}

	/**
	 * A free port on 127.0.0.1 that is free on 127.0.0.2 ... 127.0.0.{@code addresses} too: the
	 * distribution port that every node of a cluster listens on, each on its own address.
	 */
	static int freeDistributionPort(int addresses) {
		for (int attempt = 0; attempt < 20; attempt++) {
			int port = ProsodyTools.freePorts(0)[0];
			boolean free = true;
			for (int i = 2; i <= addresses && free; i++) {
				free = isFree(EjabberdNode.address(i), port);
			}
			if (free) {
				return port;
			}
		}
		throw new EjabberdException("Found no port free on 127.0.0.1 to 127.0.0." + addresses);
	}

	static boolean isFree(String address, int port) {
		try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName(address))) {
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * Ends a process: SIGKILL if {@code force}, else it waits 10 s for an exit already requested
	 * (SIGTERM) before it kills. Returns once the process is gone and reaped.
	 */
	static void destroy(Process process, boolean force) {
		if (force) {
			process.destroyForcibly();
		}
		else if (!ProsodyTools.waitFor(process, 10)) {
			logger.warn("ejabberd (pid {}) did not exit within 10 s of SIGTERM; killing it", process.pid());
			process.destroyForcibly();
		}
		if (!ProsodyTools.waitFor(process, 30)) {
			throw new EjabberdException("ejabberd (pid " + process.pid() + ") did not exit after SIGKILL");
		}
	}

	static Path createDirectory() {
		try {
			Path directory = Files.createTempDirectory("kindling-ejabberd-");
			Files.createDirectories(directory.resolve("database"));
			Files.createDirectories(directory.resolve("logs"));
			return directory;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not create a temporary directory for ejabberd", ex);
		}
	}

	static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new EjabberdException("Interrupted while waiting for ejabberd");
		}
	}

	static String timeout(Duration timeout) {
		return timeout.toMillis() + " ms";
	}

}
