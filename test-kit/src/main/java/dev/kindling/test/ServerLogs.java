package dev.kindling.test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.extension.ExtensionContext;

import dev.kindling.devserver.XmppServer;

/**
 * What {@link ProsodyExtension} and {@link EjabberdExtension} do alike with a server's log when a
 * test fails (print its tail, keep a copy that outlives the server's directory), and how they
 * turn user names into users.
 */
final class ServerLogs {

	/** Lines of a server's log printed when a test fails. */
	static final int TAIL_LINES = 40;

	private ServerLogs() {
	}

	/** Prints the tail of {@code server}'s log to stderr, headed by {@code [extension] test failed; label file}. */
	static void printTail(String extension, ExtensionContext context, String label, XmppServer server) {
		String test = context.getTestClass().map((testClass) -> testClass.getSimpleName() + " > ").orElse("")
				+ context.getDisplayName();
		System.err.println("[" + extension + "] " + test + " failed; " + label + " " + server.logFile() + ", last "
				+ TAIL_LINES + " lines:");
		System.err.println(server.logTail(TAIL_LINES));
	}

	/**
	 * Where kept logs go: {@code target/<name>-logs} if there is a target, else
	 * {@code kindling-<name>-logs} in the temporary directory.
	 */
	static Path directory(String name) {
		Path target = Path.of("target");
		return Files.isDirectory(target) ? target.resolve(name + "-logs")
				: Path.of(System.getProperty("java.io.tmpdir"), "kindling-" + name + "-logs");
	}

	/**
	 * Copies {@code server}'s log out of the directory that closing it deletes, as {@code file} in
	 * {@code dir}; a failure is reported on stderr, not thrown.
	 * @param serverName the server as messages name it, e.g. {@code Prosody}
	 */
	static void keep(String extension, String serverName, XmppServer server, Path dir, String file) {
		try {
			Files.createDirectories(dir);
			Path kept = dir.resolve(file);
			Files.copy(server.logFile(), kept, StandardCopyOption.REPLACE_EXISTING);
			System.err.println("[" + extension + "] " + serverName + " log kept at " + kept.toAbsolutePath());
		}
		catch (IOException ex) {
			System.err.println("[" + extension + "] Could not keep " + serverName + "'s log: " + ex);
		}
	}

	/** Each user with the user name as password, in order. */
	static Map<String, String> namesAsPasswords(String... users) {
		Map<String, String> all = new LinkedHashMap<>();
		for (String user : users) {
			all.put(user, user);
		}
		return all;
	}

}
