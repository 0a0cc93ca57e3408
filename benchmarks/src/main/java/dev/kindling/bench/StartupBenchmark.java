package dev.kindling.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.kindling.bench.kindling.KindlingEchoApplication;

/**
 * JVM start to handshake, measured alone: spawns the component {@code runs} times per variant (the
 * variants interleaved, so a burst of load on a shared machine hits all of them alike), and
 * reports the median and range of wall time and of the CPU time the JVM had used at the handshake.
 *
 * <p>Options ({@code --name=value}): {@code runs} (5), {@code heap} (128m), {@code log-dir}, and one
 * or more {@code --variant.<name>=<JVM arguments>} (a {@code -cp} in them replaces the runner's class
 * path, e.g. a packaged jar); a variant named {@code whack} runs the raw Whack component. Without
 * variants: {@code whack} and {@code kindling} with no extra arguments. {@code --java.<name>=<java
 * executable>} starts that variant on another JDK than the runner's (e.g. a JDK 25 AOT cache).
 */
public final class StartupBenchmark {

	private static final String SECRET = "bench-secret";

	public static void main(String[] args) throws Exception {
		BenchOptions options = BenchOptions.parse(args);
		Map<String, String> variants = options.withPrefix("variant.");
		Map<String, String> javas = options.withPrefix("java.");
		if (variants.isEmpty()) {
			variants.put("whack", "");
			variants.put("kindling", "");
		}
		int runs = options.integer("runs", "5");
		String heap = options.get("heap", "128m");
		File logDir = new File(options.get("log-dir", System.getProperty("java.io.tmpdir")));
		Map<String, List<long[]>> results = new LinkedHashMap<>();
		variants.keySet().forEach((name) -> results.put(name, new ArrayList<>()));
		for (int run = 1; run <= runs; run++) {
			for (Map.Entry<String, String> variant : variants.entrySet()) {
				String java = javas.getOrDefault(variant.getKey(), BenchOptions.thisJava());
				long[] figures = startOnce(variant.getKey(), java, variant.getValue(), heap, new File(logDir, "start-" + variant.getKey() + ".log"));
				results.get(variant.getKey()).add(figures);
				System.out.printf("run %d %-24s %5d ms wall %5d ms CPU%n", run, variant.getKey(), figures[0], figures[1]);
			}
		}
		System.out.println();
		System.out.println("| variant | start → handshake, wall (median, min–max) | CPU used by then (median, min–max) |");
		System.out.println("|---|---|---|");
		for (Map.Entry<String, List<long[]>> result : results.entrySet()) {
			long[] wall = result.getValue().stream().mapToLong((f) -> f[0]).sorted().toArray();
			long[] cpu = result.getValue().stream().mapToLong((f) -> f[1]).sorted().toArray();
			System.out.printf("| %s | %d ms (%d–%d) | %d ms (%d–%d) |%n", result.getKey(), median(wall), wall[0],
					wall[wall.length - 1], median(cpu), cpu[0], cpu[cpu.length - 1]);
		}
	}

	private static long median(long[] sorted) {
		return sorted[sorted.length / 2];
	}

	/** Returns {wall millis, CPU millis} from spawning the JVM to the accepted handshake. */
	private static long[] startOnce(String name, String java, String jvmArgs, String heap, File log) throws IOException, InterruptedException {
		Path prefs = Files.createTempDirectory("kindling-bench-prefs");
		try (LoadGenerator generator = new LoadGenerator("localhost", SECRET)) {
			List<String> command = new ArrayList<>(List.of(java,
					"-Xmx" + heap, "-Djava.util.prefs.userRoot=" + prefs));
			List<String> extra = BenchOptions.jvmArguments(jvmArgs);
			if (!extra.contains("-cp") && !extra.contains("-jar")) {
				command.addAll(List.of("-cp", System.getProperty("java.class.path")));
			}
			command.addAll(extra);
			if (name.startsWith("whack")) {
				command.addAll(List.of(WhackEchoComponent.class.getName(), "127.0.0.1", String.valueOf(generator.port()),
						"bench", "localhost", SECRET));
			}
			else {
				if (!extra.contains("-jar")) {
					command.add(KindlingEchoApplication.class.getName());
				}
				command.addAll(List.of("--xmpp.component.host=127.0.0.1", "--xmpp.component.port=" + generator.port(),
						"--xmpp.component.domain=bench.localhost", "--xmpp.component.secret=" + SECRET));
			}
			long spawned = System.nanoTime();
			Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
			try (Session session = generator.accept(Duration.ofSeconds(60))) {
				long cpu = ProcStatus.cpuMillis(process.pid());
				return new long[] { TimeUnit.NANOSECONDS.toMillis(session.handshakeNanos() - spawned), cpu };
			}
			finally {
				process.destroy();
				if (!process.waitFor(10, TimeUnit.SECONDS)) {
					process.destroyForcibly().waitFor();
				}
			}
		}
	}

}
