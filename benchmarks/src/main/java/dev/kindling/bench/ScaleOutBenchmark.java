package dev.kindling.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The multi-process scale-out benchmark: echo-bot replicas as child JVMs on a real XMPP server,
 * loaded by XMPP clients through the server ({@link ClientLoad}).
 * <ul>
 * <li>{@code scale}: N = 1, 2, 3 replicas on ejabberd with {@code domain_balancing} bare_source and
 * {@code component_number} = N, closed loop: answers/s, latency, CPU per answered stanza per
 * replica and in total, each replica's share, lost, duplicated and reordered per sender;</li>
 * <li>{@code kill}: under a fixed rate, kill -9 one of the replicas and start it again at once: the
 * window in which its senders got no answer, and the messages lost;</li>
 * <li>{@code restart}: the same with SIGTERM (a rolling restart: stop, then start);</li>
 * <li>{@code surge}: a rolling update with a surge replica on ejabberd: one more replica started first
 * (it has no slot and keeps retrying), then SIGTERM to one of the N;</li>
 * <li>{@code handover}: on Prosody, a second instance started beside the first, then SIGTERM to
 * the first: the gap, and the messages lost, errored and answered.</li>
 * </ul>
 *
 * <p>Options (all {@code --name=value}): {@code replica-classpath} (required: the echo-bot sample's
 * runtime classpath, or {@code @file} holding it), {@code scenarios} (scale,kill,restart,surge,handover),
 * {@code server} (ejabberd; prosody runs {@code scale} with one replica), {@code nodes} (1; 2 for a
 * two-node ejabberd cluster, replicas spread over both), {@code replicas} (1,2,3), {@code clients}
 * (48), {@code window} (4 per client), {@code jit-warmup} (10s), {@code warmup} (5s),
 * {@code measure} (15s), {@code rate} (1000 messages/s for the failure scenarios),
 * {@code failure-replicas} (2), {@code failure-measure} (25s), {@code event-at} (5s),
 * {@code gap-threshold} (0.5s), {@code heap} (128m), {@code jvm-args}, {@code log-dir}, {@code out}
 * (markdown) and {@code json}; {@code smoke=true} shortens everything to a run of well under a minute.
 */
public final class ScaleOutBenchmark {

	private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(120);

	/** After the stopped process exited, answers it wrote before may still arrive: gaps starting then count. */
	private static final Duration EVENT_MARGIN = Duration.ofMillis(250);

	/** Kindling's INFO line when a newcomer found the domain held and stands by. */
	private static final String STANDING_BY = "standing by";

	private final BenchOptions options;

	private final boolean smoke;

	private final String classpath;

	private final Path logDir;

	private ScaleOutBenchmark(BenchOptions options) throws IOException {
		this.options = options;
		this.smoke = Boolean.parseBoolean(options.get("smoke", "false"));
		String classpath = options.get("replica-classpath", "");
		if (classpath.startsWith("@")) {
			classpath = Files.readString(Path.of(classpath.substring(1))).trim();
		}
		if (classpath.isEmpty()) {
			throw new IllegalArgumentException("--replica-classpath is required (the echo-bot sample's classpath or @file)");
		}
		this.classpath = classpath;
		this.logDir = Path.of(options.get("log-dir", System.getProperty("java.io.tmpdir")));
		Files.createDirectories(this.logDir);
	}

	public static void main(String[] args) throws Exception {
		new ScaleOutBenchmark(BenchOptions.parse(args)).run();
	}

	/** An option, with a shorter default in smoke mode. */
	private String option(String name, String normal, String smoke) {
		return this.options.get(name, this.smoke ? smoke : normal);
	}

	private Duration duration(String name, String normal, String smoke) {
		return Duration.parse("PT" + option(name, normal, smoke).toUpperCase());
	}

	private void run() throws Exception {
		String loadBefore = Files.readString(Path.of("/proc/loadavg")).trim();
		List<String> scenarios = List.of(option("scenarios", "scale,kill,restart,surge,handover", "scale,kill").split(","));
		String server = this.options.get("server", "ejabberd");
		List<ScaleOutReport.Level> levels = new ArrayList<>();
		List<ScaleOutReport.Failure> failures = new ArrayList<>();
		if (scenarios.contains("scale")) {
			for (String n : option("replicas", "1,2,3", "1").split(",")) {
				levels.add(scale(server, Integer.parseInt(n.trim())));
			}
		}
		int failureReplicas = Integer.parseInt(option("failure-replicas", "2", "1"));
		if (scenarios.contains("kill")) {
			failures.add(failure("kill", server, failureReplicas));
		}
		if (scenarios.contains("restart")) {
			failures.add(failure("restart", server, failureReplicas));
		}
		if (scenarios.contains("surge")) {
			failures.add(surge(server, failureReplicas));
		}
		if (scenarios.contains("handover")) {
			failures.add(handover());
		}
		ScaleOutReport report = new ScaleOutReport(loadBefore, Files.readString(Path.of("/proc/loadavg")).trim(),
				settings(), levels, failures);
		String markdown = report.markdown();
		System.out.println(markdown);
		String out = this.options.get("out");
		if (out != null) {
			Files.writeString(Path.of(out), markdown);
		}
		String json = this.options.get("json");
		if (json != null) {
			Files.writeString(Path.of(json), report.json());
		}
	}

	private String settings() {
		return String.format("%d clients, closed loop W = %s per client (%s JIT warmup, %s warmup, %s measured); "
				+ "failures at %s msg/s, event at %s of %s; replicas -Xmx%s; gap threshold %s; %d cores, %s %s",
				clients(), option("window", "4", "4"), seconds(duration("jit-warmup", "10s", "2s")),
				seconds(duration("warmup", "5s", "1s")), seconds(duration("measure", "15s", "3s")), option("rate", "1000", "500"),
				seconds(duration("event-at", "5s", "2s")), seconds(duration("failure-measure", "25s", "12s")),
				this.options.get("heap", "128m"), seconds(duration("gap-threshold", "0.5s", "0.5s")),
				Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"), System.getProperty("java.version"));
	}

	private static String seconds(Duration duration) {
		return String.format("%.1f s", duration.toMillis() / 1000.0);
	}

	private int clients() {
		return Integer.parseInt(option("clients", "48", "12"));
	}

	private BenchServer startServer(String kind, int componentNumber) throws Exception {
		int users = clients();
		return switch (kind) {
			case "prosody" -> BenchServer.prosody(users);
			case "ejabberd" -> BenchServer.ejabberd(users, componentNumber, this.options.integer("nodes", "1"));
			default -> throw new IllegalArgumentException("--server is ejabberd or prosody, not " + kind);
		};
	}

	/** Replicas named {@code replica-0…}, spread over the server's nodes in turn. */
	private List<Replica> replicas(BenchServer server, int count, String balancing) {
		List<Replica> replicas = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			replicas.add(replica(server, "replica-" + i, i, balancing));
		}
		return replicas;
	}

	private Replica replica(BenchServer server, String instance, int index, String balancing) {
		List<Integer> ports = server.componentPorts();
		List<String> extra = new ArrayList<>();
		if (balancing != null) {
			extra.add("--xmpp.component.balancing=" + balancing);
		}
		return Replica.echoBot(instance, this.classpath, this.options.get("heap", "128m"),
				BenchOptions.jvmArguments(this.options.get("jvm-args")), server.host(), ports.get(index % ports.size()),
				server.componentDomain(), server.componentSecret(), extra, this.logDir);
	}

	private static void startAll(List<Replica> replicas) throws IOException, InterruptedException {
		for (Replica replica : replicas) {
			replica.start();
		}
		for (Replica replica : replicas) {
			replica.awaitReady(CONNECT_TIMEOUT);
		}
	}

	private static void closeAll(List<Replica> replicas) throws InterruptedException {
		for (Replica replica : replicas) {
			replica.close();
		}
	}

	private ClientLoad clients(BenchServer server) throws IOException {
		return ClientLoad.connect(server.host(), server.c2sPorts(), server.domain(), BenchServer.users(clients()),
				BenchServer.PASSWORD, Duration.ofSeconds(60));
	}

	private String echoAddress(BenchServer server) {
		return "echo@" + server.componentDomain();
	}

	// ---- N replicas, closed loop

	private ScaleOutReport.Level scale(String kind, int n) throws Exception {
		System.out.printf("scale: %s, %d replica(s)%n", kind, n);
		try (BenchServer server = startServer(kind, n)) {
			List<Replica> replicas = replicas(server, n, kind.equals("ejabberd") ? "bare-source" : null);
			try {
				startAll(replicas);
				try (ClientLoad load = clients(server)) {
					String to = echoAddress(server);
					int window = Integer.parseInt(option("window", "4", "4"));
					Duration jit = duration("jit-warmup", "10s", "2s");
					if (!jit.isZero()) {
						System.out.printf("  JIT warmup: %s%n", load.run(ClientLoadSpec.window(clients(), window, Duration.ZERO, jit, to)));
					}
					// What each replica costs with no traffic at all (compilers, GC, timers), for its share of the total.
					long[] idle = new long[n];
					for (int i = 0; i < n; i++) {
						idle[i] = replicas.get(i).cpuMillis();
					}
					Duration idleTime = duration("idle", "3s", "1s");
					Thread.sleep(idleTime.toMillis());
					for (int i = 0; i < n; i++) {
						idle[i] = replicas.get(i).cpuMillis() - idle[i];
					}
					long[] cpuBefore = new long[n];
					long[] receivedBefore = new long[n];
					int[] connectsBefore = new int[n];
					for (int i = 0; i < n; i++) {
						cpuBefore[i] = replicas.get(i).cpuMillis();
						receivedBefore[i] = replicas.get(i).receivedMessages();
						connectsBefore[i] = replicas.get(i).connections();
					}
					long serverCpuBefore = server.cpuMillis();
					ClientLoadResult result = load.run(ClientLoadSpec.window(clients(), window, duration("warmup", "5s", "1s"),
							duration("measure", "15s", "3s"), to));
					long serverCpu = server.cpuMillis() - serverCpuBefore;
					List<ScaleOutReport.ReplicaFigures> figures = new ArrayList<>();
					for (int i = 0; i < n; i++) {
						Replica replica = replicas.get(i);
						long received = replica.receivedMessages();
						figures.add(new ScaleOutReport.ReplicaFigures(replica.instance(), 1000.0 * idle[i] / idleTime.toMillis(),
								replica.cpuMillis() - cpuBefore[i],
								(received < 0 || receivedBefore[i] < 0) ? -1 : received - receivedBefore[i],
								replica.connections() - connectsBefore[i], ProcStatus.of(replica.pid()).peakRssKb() / 1024));
					}
					System.out.printf("  %s; server CPU %d ms; %s%n", result, serverCpu, figures);
					return new ScaleOutReport.Level(server.name(), server.componentPorts().size(), n, result, serverCpu, figures);
				}
			}
			finally {
				closeAll(replicas);
			}
		}
	}

	// ---- failures under a fixed rate

	private ClientLoadSpec failureSpec(BenchServer server) {
		return ClientLoadSpec.rate(clients(), Double.parseDouble(option("rate", "1000", "500")),
				duration("failure-measure", "25s", "12s"), Duration.ofSeconds(3), echoAddress(server));
	}

	private ScaleOutReport.Failure failure(String scenario, String kind, int n) throws Exception {
		System.out.printf("%s: %s, %d replica(s)%n", scenario, kind, n);
		try (BenchServer server = startServer(kind, n)) {
			List<Replica> replicas = replicas(server, n, kind.equals("ejabberd") ? "bare-source" : null);
			try {
				startAll(replicas);
				try (ClientLoad load = clients(server)) {
					Replica victim = replicas.get(0);
					long[] times = new long[3];
					ClientLoadResult result = runWith(load, failureSpec(server), (start) -> {
						sleepUntil(start + duration("event-at", "5s", "2s").toNanos());
						times[0] = load.markEvent();
						if (scenario.equals("kill")) {
							victim.kill();
						}
						else {
							victim.terminate(Duration.ofSeconds(30));
						}
						times[1] = System.nanoTime();
						victim.start();
						victim.awaitReady(CONNECT_TIMEOUT);
						times[2] = System.nanoTime();
						return start;
					});
					return failureResult(scenario, server, n, result, times, null);
				}
			}
			finally {
				closeAll(replicas);
			}
		}
	}

	/**
	 * ejabberd: a rolling update with one surge replica. The newcomer connects while every slot is
	 * taken, finds no slot and retries; the old replica is then stopped with SIGTERM, and the
	 * newcomer takes the slot at its next attempt.
	 */
	private ScaleOutReport.Failure surge(String kind, int n) throws Exception {
		System.out.printf("surge: %s, %d replica(s) + 1%n", kind, n);
		if (!kind.equals("ejabberd")) {
			throw new IllegalArgumentException("The surge scenario needs balancing: --server=ejabberd");
		}
		try (BenchServer server = startServer(kind, n)) {
			List<Replica> replicas = replicas(server, n, "bare-source");
			Replica newcomer = replica(server, "replica-new", 0, "bare-source");
			try {
				startAll(replicas);
				try (ClientLoad load = clients(server)) {
					Replica old = replicas.get(0);
					long[] times = new long[3];
					String[] note = { null };
					ClientLoadResult result = runWith(load, failureSpec(server), (start) -> {
						newcomer.start();
						long deadline = System.nanoTime() + CONNECT_TIMEOUT.toNanos();
						while (!newcomer.logged("got no slot") && !newcomer.logged("has home") && System.nanoTime() < deadline) {
							Thread.sleep(20);
						}
						note[0] = newcomer.logged("has home") ? "the surge replica found a slot before the old one left"
								: "the surge replica had no slot and was retrying when the old one was stopped";
						sleepUntil(start + duration("event-at", "5s", "2s").toNanos());
						times[0] = load.markEvent();
						old.terminate(Duration.ofSeconds(30));
						times[1] = System.nanoTime();
						newcomer.awaitReady(CONNECT_TIMEOUT);
						times[2] = System.nanoTime();
						return start;
					});
					return failureResult("surge", server, n, result, times, note[0]);
				}
			}
			finally {
				closeAll(replicas);
				newcomer.close();
			}
		}
	}

	/** Prosody: a second instance started beside the first, then the first stopped with SIGTERM. */
	private ScaleOutReport.Failure handover() throws Exception {
		System.out.println("handover: prosody");
		try (BenchServer server = startServer("prosody", 1)) {
			Replica first = replica(server, "replica-a", 0, null);
			Replica second = replica(server, "replica-b", 0, null);
			try {
				first.start();
				first.awaitReady(CONNECT_TIMEOUT);
				try (ClientLoad load = clients(server)) {
					long[] times = new long[3];
					String[] note = { null };
					ClientLoadResult result = runWith(load, failureSpec(server), (start) -> {
						second.start();
						// The newcomer is up and has met the active session (it stands by) before the old one leaves.
						long deadline = System.nanoTime() + CONNECT_TIMEOUT.toNanos();
						while (!second.logged(STANDING_BY) && !second.logged("Started EchoBotApplication")
								&& System.nanoTime() < deadline) {
							Thread.sleep(20);
						}
						if (!second.logged(STANDING_BY)) {
							// Without the stand-by (older code) the newcomer retries with its backoff: give it a first try.
							Thread.sleep(500);
						}
						note[0] = second.logged(STANDING_BY) ? "the second instance stood by when the first was stopped"
								: "the second instance was up, not standing by (no stand-by in this code), when the first was stopped";
						sleepUntil(start + duration("event-at", "5s", "2s").toNanos());
						times[0] = load.markEvent();
						first.terminate(Duration.ofSeconds(30));
						times[1] = System.nanoTime();
						second.awaitReady(CONNECT_TIMEOUT);
						times[2] = System.nanoTime();
						return start;
					});
					return failureResult("handover", server, 1, result, times, note[0]);
				}
			}
			finally {
				first.close();
				second.close();
			}
		}
	}

	private ScaleOutReport.Failure failureResult(String scenario, BenchServer server, int n, ClientLoadResult result,
			long[] times, String note) {
		long threshold = duration("gap-threshold", "0.5s", "0.5s").toMillis();
		// The failure's interval: from the signal until the process had exited, plus what was already
		// on its way to the clients (answers written before the signal).
		long from = times[0];
		long to = times[1] + EVENT_MARGIN.toNanos();
		List<ClientLoadResult.Gap> affected = result.gapsOverlapping(from, to, threshold);
		long[] gap = ClientLoadResult.medianAndMax(affected);
		long longest = ClientLoadResult.medianAndMax(result.gaps())[1];
		long eventToFirstAnswer = affected.stream()
			.filter(ClientLoadResult.Gap::closed)
			.mapToLong((g) -> (g.endNanos() - times[0]) / 1_000_000)
			.max()
			.orElse(-1);
		ScaleOutReport.Failure failure = new ScaleOutReport.Failure(scenario, server.name(), server.componentPorts().size(), n,
				Double.parseDouble(option("rate", "1000", "500")), result, affected.size(), gap[0], gap[1], longest,
				result.gapsElsewhere(from, to, threshold), (times[1] - times[0]) / 1_000_000,
				(times[2] - times[0]) / 1_000_000, eventToFirstAnswer, note);
		System.out.printf("  %s%n  %s%n", result, failure);
		for (ClientLoadResult.Gap g : affected) {
			System.out.printf("    client %d: no answer from %+d ms to %+d ms of the event%s%n", g.client(),
					(g.startNanos() - times[0]) / 1_000_000, (g.endNanos() - times[0]) / 1_000_000, g.closed() ? "" : " (the end)");
		}
		return failure;
	}

	private interface Script {

		long run(long startNanos) throws Exception;

	}

	/** Runs the load on a thread of its own while the script acts on the processes. */
	private static ClientLoadResult runWith(ClientLoad load, ClientLoadSpec spec, Script script) throws Exception {
		ExecutorService executor = Executors.newSingleThreadExecutor();
		try {
			long start = System.nanoTime();
			Future<ClientLoadResult> result = executor.submit(() -> load.run(spec));
			script.run(start);
			return result.get();
		}
		finally {
			executor.shutdownNow();
		}
	}

	private static void sleepUntil(long nanos) throws InterruptedException {
		long left = nanos - System.nanoTime();
		if (left > 0) {
			Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
		}
	}

}
