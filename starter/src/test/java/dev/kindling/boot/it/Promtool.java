package dev.kindling.boot.it;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.fail;

/**
 * Runs {@code promtool check metrics} (Debian package {@code prometheus}). Missing, it fails the
 * test: CI installs it, and locally the message says how.
 */
final class Promtool {

	private Promtool() {
	}

	/** The result of checking a scrape: promtool's exit code and what it printed. */
	record Result(int exitCode, String output) {
	}

	static String executable(String name) {
		for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
			File candidate = new File(dir, name);
			if (candidate.canExecute()) {
				return candidate.getAbsolutePath();
			}
		}
		String how = "apt-get install prometheus";
		String why = "true".equals(System.getenv("CI")) ? "CI must install it (.ci/run does)" : "install it";
		return fail(name + " is not on the PATH; it comes with the Debian package 'prometheus': " + why + ": " + how);
	}

	static Result checkMetrics(String scrape) {
		ProcessBuilder builder = new ProcessBuilder(executable("promtool"), "check", "metrics").redirectErrorStream(true);
		try {
			Process process = builder.start();
			try (OutputStream in = process.getOutputStream()) {
				in.write(scrape.getBytes(StandardCharsets.UTF_8));
			}
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(30, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				return fail("promtool did not finish in 30 s");
			}
			return new Result(process.exitValue(), output);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
