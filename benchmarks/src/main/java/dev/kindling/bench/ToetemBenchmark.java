package dev.kindling.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Toetem load benchmark: starts the tic-tac-toe referee (the sample's application, from its own
 * classpath) in its own JVM with a fixed heap, plays the XMPP server for it and drives N concurrent
 * games per level through {@link ToetemSession}, measuring moves/s, move latency, the referee's CPU
 * per request and its heap after a full GC while the N games are in progress.
 *
 * <p>Options (all {@code --name=value}): {@code referee-classpath} (required: the sample's runtime
 * classpath, or {@code @file} holding it), {@code games} (100,1000,10000), {@code modes}
 * (paced,saturated), {@code rate} (200 moves/s over all games, paced mode), {@code warmup} (5s, after every game has started),
 * {@code measure} (15s), {@code jit-warmup} (15s, unreported saturated play at N=100 first),
 * {@code loss-timeout} (60s), {@code heap} (256m), {@code runs} (2: a fresh referee JVM each),
 * {@code jvm-args} (extra referee JVM options), {@code log-dir}, {@code out} (markdown file).
 */
public final class ToetemBenchmark {

	private static final String SECRET = "bench-secret";

	private static final String REFEREE_DOMAIN = "toetem.localhost";

	private static final Pattern HEAP_USED = Pattern.compile("heap\\s+total \\d+K, used (\\d+)K");

	private final BenchOptions options;

	private int nextPlayer;

	private ToetemBenchmark(BenchOptions options) {
		this.options = options;
	}

	public static void main(String[] args) throws Exception {
		new ToetemBenchmark(BenchOptions.parse(args)).run();
	}

	private void run() throws Exception {
		String classpath = this.options.get("referee-classpath", "");
		if (classpath.startsWith("@")) {
			classpath = Files.readString(Path.of(classpath.substring(1))).trim();
		}
		if (classpath.isEmpty()) {
			throw new IllegalArgumentException("--referee-classpath is required (the sample's classpath or @file)");
		}
		List<Integer> games = new ArrayList<>();
		for (String n : this.options.list("games", "100,1000,10000")) {
			games.add(Integer.parseInt(n));
		}
		List<String> modes = this.options.list("modes", "paced,saturated");
		int runs = this.options.integer("runs", "2");
		String loadBefore = Files.readString(Path.of("/proc/loadavg")).trim();
		List<ToetemReport.Run> results = new ArrayList<>();
		for (int run = 1; run <= runs; run++) {
			results.add(runReferee(run, classpath, modes, games));
		}
		String report = "Load average (/proc/loadavg) before: " + loadBefore + "; after: "
				+ Files.readString(Path.of("/proc/loadavg")).trim() + "\n\n"
				+ ToetemReport.render(results, this.options.get("heap", "256m"), this.options.duration("warmup", "5s"),
						this.options.duration("measure", "15s"));
		System.out.println(report);
		String out = this.options.get("out");
		if (out != null) {
			Files.writeString(Path.of(out), report);
		}
	}

	private ToetemReport.Run runReferee(int run, String classpath, List<String> modes, List<Integer> games)
			throws Exception {
		try (LoadGenerator generator = new LoadGenerator("localhost", SECRET)) {
			String heap = this.options.get("heap", "256m");
			List<String> command = new ArrayList<>(
					List.of(BenchOptions.thisJava(), "-Xms" + heap, "-Xmx" + heap));
			command.addAll(BenchOptions.jvmArguments(this.options.get("jvm-args")));
			command.addAll(List.of("-cp", classpath, "dev.kindling.samples.tictactoe.ToetemApplication",
					"--xmpp.component.host=127.0.0.1", "--xmpp.component.port=" + generator.port(),
					"--xmpp.component.domain=" + REFEREE_DOMAIN, "--xmpp.component.secret=" + SECRET,
					"--xmpp.dev-server.enabled=false", "--server.port=0", "--spring.main.banner-mode=off",
					"--logging.level.root=WARN", "--logging.level.dev.kindling=INFO",
					// The generator answers the store's pubsub requests, but plays no MUC service: a room
					// join would never be confirmed.
					"--toetem.rooms.enabled=false"));
			File log = new File(this.options.get("log-dir", System.getProperty("java.io.tmpdir")), "toetem-referee-" + run + ".log");
			long spawned = System.nanoTime();
			Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
			try (ToetemSession session = new ToetemSession(generator.handshake(Duration.ofSeconds(120)), "localhost")) {
				long startMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - spawned);
				System.out.printf("run %d: referee pid %d, JVM start to handshake %d ms (log %s)%n", run, process.pid(),
						startMillis, log);
				Duration jitWarmup = this.options.duration("jit-warmup", "15s");
				if (!jitWarmup.isZero()) {
					System.out.printf("  JIT warmup: %s%n", session.run(spec(100, 0, Duration.ZERO, jitWarmup), () -> {
					}));
				}
				List<ToetemReport.Level> levels = new ArrayList<>();
				for (String mode : modes) {
					for (int n : games) {
						double rate = mode.trim().equals("saturated") ? 0 : Double.parseDouble(this.options.get("rate", "200"));
						ToetemSpec spec = spec(n, rate, this.options.duration("warmup", "5s"), this.options.duration("measure", "15s"));
						long[] heapKb = { -1 };
						long cpuBefore = ProcStatus.cpuMillis(process.pid());
						ToetemResult result = session.run(spec, () -> heapKb[0] = heapAfterGc(process.pid()));
						long cpuMillis = ProcStatus.cpuMillis(process.pid()) - cpuBefore;
						ToetemReport.Level level = new ToetemReport.Level(result, heapKb[0], cpuMillis);
						System.out.printf("  %s heap-after-gc=%d KB cpu=%.1f us/request%n", result, heapKb[0],
								level.cpuMicrosPerRequest());
						levels.add(level);
					}
				}
				ProcStatus status = ProcStatus.of(process.pid());
				return new ToetemReport.Run(run, startMillis, status, levels, session.otherTotal());
			}
			finally {
				process.destroy();
				if (!process.waitFor(10, TimeUnit.SECONDS)) {
					process.destroyForcibly().waitFor();
				}
			}
		}
	}

	private ToetemSpec spec(int games, double rate, Duration warmup, Duration measure) {
		ToetemSpec spec = new ToetemSpec(games, rate, this.nextPlayer, warmup, measure,
				this.options.duration("loss-timeout", "60s"), REFEREE_DOMAIN, this.nextPlayer);
		this.nextPlayer += 2 * games;
		return spec;
	}

	/** Heap in use right after a full GC ({@code jcmd GC.run}, then {@code GC.heap_info}), in KB; -1 if unknown. */
	static long heapAfterGc(long pid) {
		try {
			jcmd(pid, "GC.run");
			Matcher used = HEAP_USED.matcher(jcmd(pid, "GC.heap_info"));
			return used.find() ? Long.parseLong(used.group(1)) : -1;
		}
		catch (IOException ex) {
			System.out.println("  jcmd failed: " + ex.getMessage());
			return -1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return -1;
		}
	}

	private static String jcmd(long pid, String command) throws IOException, InterruptedException {
		Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
		Process process = new ProcessBuilder(Files.exists(jcmd) ? jcmd.toString() : "jcmd", String.valueOf(pid), command)
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (process.waitFor() != 0) {
			throw new IOException("jcmd " + command + ": " + output);
		}
		return output;
	}

}
