package dev.kindling.bench;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.kindling.bench.LoadGenerator.Workload;
import dev.kindling.bench.kindling.KindlingEchoApplication;
import dev.kindling.boot.actuate.metrics.XmppMetricsAutoConfiguration;

/**
 * Starts each component in its own JVM with the same heap, one after the other, drives every load
 * level against it from this JVM and prints Kindling's figures beside raw Whack's, as ratios.
 *
 * <p>Options (all {@code --name=value}): {@code warmup} (5s), {@code measure} (10s),
 * {@code jit-warmup} (15s, unreported load before the first level), {@code windows} (1,64,256,1024), {@code workloads} (chat,ping), {@code senders} (1024),
 * {@code run-length} (8), {@code heap} (128m), {@code components} (whack,kindling; also kindling-nometrics), {@code out}
 * (a markdown file for the table).
 */
public final class BenchmarkRunner {

	private static final String SECRET = "bench-secret";

	private static final String COMPONENT_DOMAIN = "bench.localhost";

	/** Kindling without its Micrometer meters, to measure what they cost in the same run. */
	private static final String KINDLING_WITHOUT_METERS = "kindling-nometrics";

	private final BenchOptions options;

	private BenchmarkRunner(BenchOptions options) {
		this.options = options;
	}

	public static void main(String[] args) throws Exception {
		new BenchmarkRunner(BenchOptions.parse(args)).run();
	}

	private void run() throws Exception {
		List<Integer> windows = new ArrayList<>();
		for (String w : this.options.list("windows", "1,64,256,1024")) {
			windows.add(Integer.parseInt(w));
		}
		List<Workload> workloads = new ArrayList<>();
		for (String w : this.options.list("workloads", "chat,ping")) {
			workloads.add(Workload.valueOf(w.toUpperCase()));
		}
		String loadBefore = Files.readString(Path.of("/proc/loadavg")).trim();
		List<ComponentRun> runs = new ArrayList<>();
		for (String component : this.options.list("components", "whack,kindling")) {
			runs.add(runComponent(component, workloads, windows));
		}
		String load = "Load average (/proc/loadavg) before: " + loadBefore + "; after: "
				+ Files.readString(Path.of("/proc/loadavg")).trim() + "\n\n";
		String report = load + Report.render(runs, this.options.get("heap", "128m"), this.options.duration("warmup", "5s"),
				this.options.duration("measure", "10s"), this.options.integer("senders", "1024"));
		System.out.println(report);
		String out = this.options.get("out");
		if (out != null) {
			Files.writeString(Path.of(out), report);
		}
	}

	private ComponentRun runComponent(String name, List<Workload> workloads, List<Integer> windows) throws Exception {
		Path prefs = Files.createTempDirectory("kindling-bench-prefs");
		try (LoadGenerator generator = new LoadGenerator("localhost", SECRET)) {
			List<String> command = new ArrayList<>(List.of(BenchOptions.thisJava(), "-Xmx" + this.options.get("heap", "128m"),
					"-Djava.util.prefs.userRoot=" + prefs, "-cp", System.getProperty("java.class.path")));
			command.addAll(BenchOptions.jvmArguments(this.options.get("jvm-args")));
			if (name.equals("whack")) {
				command.addAll(List.of(WhackEchoComponent.class.getName(), "127.0.0.1", String.valueOf(generator.port()),
						"bench", "localhost", SECRET));
			}
			else if (name.equals("kindling") || name.equals(KINDLING_WITHOUT_METERS)) {
				command.addAll(List.of(KindlingEchoApplication.class.getName(), "--xmpp.component.host=127.0.0.1",
						"--xmpp.component.port=" + generator.port(), "--xmpp.component.domain=" + COMPONENT_DOMAIN,
						"--xmpp.component.secret=" + SECRET));
				if (name.equals(KINDLING_WITHOUT_METERS)) {
					command.add("--spring.autoconfigure.exclude=" + XmppMetricsAutoConfiguration.class.getName());
				}
			}
			else {
				throw new IllegalArgumentException("Unknown component " + name + " (whack, kindling or " + KINDLING_WITHOUT_METERS + ")");
			}
			File log = new File(this.options.get("log-dir", System.getProperty("java.io.tmpdir")), "bench-" + name + ".log");
			long spawned = System.nanoTime();
			Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
			try (Session session = generator.accept(Duration.ofSeconds(60))) {
				long startMillis = TimeUnit.NANOSECONDS.toMillis(session.handshakeNanos() - spawned);
				// CPU time is what start-up costs regardless of how busy the machine is; wall time is not.
				long startCpuMillis = ProcStatus.cpuMillis(process.pid());
				System.out.printf("%s: pid %d, JVM start to handshake %d ms wall, %d ms CPU (log %s)%n", name, process.pid(),
						startMillis, startCpuMillis, log);
				// One unreported stretch of load first, so that both JVMs are JIT-compiled before any level.
				Duration jitWarmup = this.options.duration("jit-warmup", "15s");
				for (Workload workload : workloads) {
					if (!jitWarmup.isZero()) {
						session.run(new LoadSpec(workload, 256, this.options.integer("senders", "1024"), 8, Duration.ZERO,
								jitWarmup.dividedBy(workloads.size()), this.options.duration("loss-timeout", "2s"), COMPONENT_DOMAIN));
					}
				}
				List<LevelResult> levels = new ArrayList<>();
				for (Workload workload : workloads) {
					for (int window : windows) {
						LoadSpec spec = new LoadSpec(workload, window, this.options.integer("senders", "1024"),
								this.options.integer("run-length", "8"), this.options.duration("warmup", "5s"),
								this.options.duration("measure", "10s"), this.options.duration("loss-timeout", "2s"), COMPONENT_DOMAIN);
						long cpuBefore = ProcStatus.cpuMillis(process.pid());
						LoadResult result = session.run(spec);
						long cpuMillis = ProcStatus.cpuMillis(process.pid()) - cpuBefore;
						System.out.printf("  %s  cpu=%.2f us/stanza%n", result, 1000.0 * cpuMillis / Math.max(1, result.answered()));
						levels.add(new LevelResult(result, cpuMillis));
					}
				}
				ProcStatus status = ProcStatus.of(process.pid());
				System.out.printf("  %s%n", status);
				return new ComponentRun(name, startMillis, startCpuMillis, status, levels);
			}
			finally {
				process.destroy();
				if (!process.waitFor(10, TimeUnit.SECONDS)) {
					process.destroyForcibly().waitFor();
				}
			}
		}
	}

	record LevelResult(LoadResult result, long componentCpuMillis) {
	}

	record ComponentRun(String name, long startToHandshakeMillis, long startCpuMillis, ProcStatus status, List<LevelResult> levels) {
	}

}
