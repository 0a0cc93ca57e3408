package dev.kindling.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * One bot replica: a child JVM running the echo-bot sample with its settings on the command line,
 * logging to a file of its own. It can be started again under the same instance name after a
 * {@link #kill()} (SIGKILL) or a {@link #terminate()} (SIGTERM, Kindling's graceful stop). Its
 * log tells when it connected (and how often it reconnected) and its HTTP port, from which its
 * Prometheus meters give the stanzas it received.
 */
final class Replica implements AutoCloseable {

	/** Kindling's INFO line for every established stream. */
	private static final String CONNECTED = "Connected as component";

	/** Its INFO line when a standing-by instance got the domain after the active one left. */
	private static final String TOOK_OVER = "Took component";

	/** A balanced replica's INFO line once its probes found its home slot: from then on it is ready. */
	private static final String HOME = "has home";

	/** A spare that takes a freed slot says so instead: it has the slot's home from then on. */
	private static final String SPARE_TOOK_SLOT = "took a free slot";

	private static final Pattern HTTP_PORT = Pattern.compile("Tomcat started on port (?:\\(s\\): )?(\\d+)");

	private static final Pattern RECEIVED_MESSAGES = Pattern
		.compile("^xmpp_stanzas_received_total\\{[^}]*kind=\"message\"[^}]*} ([0-9.eE+]+)$", Pattern.MULTILINE);

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final String instance;

	private final List<String> command;

	private final Path log;

	/** What the log says once the replica is ready for traffic. */
	private final String ready;

	private @Nullable Process process;

	/** Offset in the log where the current process's output starts. */
	private long logOffset;

	/** CPU ms of processes of this replica that have exited (a kill or a stop keeps its CPU counted). */
	private long exitedCpuMillis;

	private int starts;

	Replica(String instance, List<String> command, Path log, String ready) {
		this.instance = instance;
		this.command = List.copyOf(command);
		this.log = log;
		this.ready = ready;
	}

	/**
	 * The echo-bot sample in a JVM of its own, connecting to the server's component port.
	 * @param extra further {@code --name=value} settings, e.g. the balancing mode
	 */
	static Replica echoBot(String instance, String classpath, String heap, List<String> jvmArguments, String host,
			int port, String domain, String secret, List<String> extra, Path logDir) {
		List<String> command = new ArrayList<>(List.of(BenchOptions.thisJava(), "-Xmx" + heap, "-Xms" + heap));
		command.addAll(jvmArguments);
		command.addAll(List.of("-cp", classpath, "dev.kindling.samples.echo.EchoBotApplication",
				"--xmpp.component.host=" + host, "--xmpp.component.port=" + port, "--xmpp.component.domain=" + domain,
				"--xmpp.component.secret=" + secret, "--xmpp.component.instance=" + instance,
				"--xmpp.dev-server.enabled=false", "--server.port=0", "--spring.main.banner-mode=off",
				"--management.endpoints.web.exposure.include=health,prometheus",
				// A client sends hundreds of messages a second here; a bot's default per-sender limit would drop them.
				"--xmpp.dispatch.rate-limit.enabled=false", "--logging.level.root=WARN", "--logging.level.dev.kindling=INFO",
				"--logging.level.org.springframework.boot.tomcat=INFO",
				"--logging.level.org.springframework.boot.web.embedded.tomcat=INFO"));
		command.addAll(extra);
		boolean balanced = extra.stream().anyMatch((arg) -> arg.startsWith("--xmpp.component.balancing=bare"));
		return new Replica(instance, command, logDir.resolve("replica-" + instance + ".log"), balanced ? HOME : CONNECTED);
	}

	String instance() {
		return this.instance;
	}

	Path log() {
		return this.log;
	}

	/** Spawns the JVM (appending to its log); does not wait for it to connect. */
	synchronized void start() throws IOException {
		if (this.process != null && this.process.isAlive()) {
			throw new IllegalStateException("Replica " + this.instance + " is running");
		}
		Files.writeString(this.log, "---- start " + (++this.starts) + " of " + this.instance + "\n", StandardCharsets.UTF_8,
				StandardOpenOption.CREATE, StandardOpenOption.APPEND);
		this.logOffset = Files.size(this.log);
		this.process = new ProcessBuilder(this.command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(this.log.toFile()))
			.start();
	}

	/**
	 * Waits until the current process is ready for traffic: connected, and with balancing, its home
	 * slot found.
	 * @throws IOException if it exits or is not ready in time
	 */
	void awaitReady(Duration timeout) throws IOException, InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (this.ready.equals(CONNECTED) ? connections() == 0 : !(logged(this.ready) || logged(SPARE_TOOK_SLOT))) {
			Process running = this.process;
			if (running == null || !running.isAlive()) {
				throw new IOException("Replica " + this.instance + " exited before connecting; see " + this.log);
			}
			if (System.nanoTime() - deadline > 0) {
				throw new IOException("Replica " + this.instance + " not connected within " + timeout + "; see " + this.log);
			}
			Thread.sleep(20);
		}
	}

	/** Streams the current process established so far (more than one: it rebuilt its stream). */
	int connections() throws IOException {
		String log = currentLog();
		return count(log, CONNECTED) + count(log, TOOK_OVER);
	}

	/** Streams the current process rebuilt because the server did not answer its liveness ping. */
	int pingTimeouts() throws IOException {
		return count(currentLog(), "did not answer a ping");
	}

	/** Whether the current process has logged the text. */
	boolean logged(String text) throws IOException {
		return currentLog().contains(text);
	}

	private String currentLog() throws IOException {
		byte[] all = Files.readAllBytes(this.log);
		return new String(all, (int) Math.min(this.logOffset, all.length), (int) Math.max(0, all.length - this.logOffset),
				StandardCharsets.UTF_8);
	}

	private static int count(String text, String needle) {
		int n = 0;
		for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
			n++;
		}
		return n;
	}

	long pid() {
		return requireProcess().pid();
	}

	boolean isAlive() {
		Process running = this.process;
		return running != null && running.isAlive();
	}

	/** User plus system CPU of this replica's processes so far, those that exited included. */
	synchronized long cpuMillis() throws IOException {
		Process running = this.process;
		return this.exitedCpuMillis + ((running != null && running.isAlive()) ? ProcStatus.cpuMillis(running.pid()) : 0);
	}

	/**
	 * Messages the current process has received, from its Prometheus meters; -1 if unknown.
	 */
	long receivedMessages() {
		try {
			Matcher port = HTTP_PORT.matcher(currentLog());
			if (!port.find()) {
				return -1;
			}
			HttpResponse<String> response = HTTP.send(
					HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port.group(1) + "/actuator/prometheus"))
						.timeout(Duration.ofSeconds(5))
						.build(),
					HttpResponse.BodyHandlers.ofString());
			Matcher received = RECEIVED_MESSAGES.matcher(response.body());
			double total = 0;
			while (received.find()) {
				total += Double.parseDouble(received.group(1));
			}
			return (long) total;
		}
		catch (IOException ex) {
			return -1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return -1;
		}
	}

	/** SIGKILL, as a crash: returns once the process is gone. */
	synchronized void kill() throws IOException, InterruptedException {
		Process running = requireProcess();
		long cpu = ProcStatus.cpuMillis(running.pid());
		running.destroyForcibly();
		running.waitFor();
		this.exitedCpuMillis += cpu;
	}

	/** SIGTERM, Kindling's graceful stop; returns once the process has exited (SIGKILL after the timeout). */
	synchronized void terminate(Duration timeout) throws IOException, InterruptedException {
		Process running = requireProcess();
		long cpu = ProcStatus.cpuMillis(running.pid());
		running.destroy();
		if (!running.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
			running.destroyForcibly().waitFor();
		}
		// The last sample before the signal: the few ms of the stop itself are left out.
		this.exitedCpuMillis += cpu;
	}

	/** Sends SIGTERM and returns at once. */
	void signalTerminate() {
		requireProcess().destroy();
	}

	private Process requireProcess() {
		Process running = this.process;
		if (running == null) {
			throw new IllegalStateException("Replica " + this.instance + " was never started");
		}
		return running;
	}

	@Override
	public synchronized void close() throws InterruptedException {
		Process running = this.process;
		if (running != null && running.isAlive()) {
			running.destroy();
			if (!running.waitFor(10, TimeUnit.SECONDS)) {
				running.destroyForcibly().waitFor();
			}
		}
	}

	@Override
	public String toString() {
		return "replica " + this.instance + (isAlive() ? " (pid " + pid() + ")" : "");
	}

}
