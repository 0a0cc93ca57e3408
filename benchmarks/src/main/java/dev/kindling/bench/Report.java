package dev.kindling.bench;

import java.time.Duration;
import java.util.List;

import dev.kindling.bench.BenchmarkRunner.ComponentRun;
import dev.kindling.bench.BenchmarkRunner.LevelResult;

/** The markdown tables: every component's figures, and Kindling's as ratios to raw Whack's. */
final class Report {

	private Report() {
	}

	static String render(List<ComponentRun> runs, String heap, Duration warmup, Duration measure, int senders) {
		StringBuilder out = new StringBuilder();
		out.append(String.format("Heap -Xmx%s, %d s warmup + %d s measured per level, %d senders, %d cores, %s %s%n%n", heap,
				warmup.toSeconds(), measure.toSeconds(), senders, Runtime.getRuntime().availableProcessors(),
				System.getProperty("java.vm.name"), System.getProperty("java.version")));
		out.append("| component | workload | W | answers/s | p50 µs | p99 µs | p99.9 µs | max µs | sent | lost | dup | reordered | errors | CPU µs/stanza |\n");
		out.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
		for (ComponentRun run : runs) {
			for (LevelResult level : run.levels()) {
				LoadResult r = level.result();
				out.append(String.format("| %s | %s | %d | %,.0f | %d | %d | %d | %d | %,d | %,d | %d | %,d | %,d | %.1f |%n",
						run.name(), r.workload().name().toLowerCase(), r.window(), r.throughput(), r.p50Micros(),
						r.p99Micros(), r.p999Micros(), r.maxMicros(), r.sent(), r.lost(), r.duplicates(), r.reorderings(),
						r.errors(), 1000.0 * level.componentCpuMillis() / Math.max(1, r.answered())));
			}
		}
		out.append("\n| component | JVM start → handshake ms (wall) | CPU ms until handshake | peak RSS MB (VmHWM) | threads at end |\n|---|---|---|---|---|\n");
		for (ComponentRun run : runs) {
			out.append(String.format("| %s | %d | %d | %d | %d |%n", run.name(), run.startToHandshakeMillis(), run.startCpuMillis(),
					run.status().peakRssKb() / 1024, run.status().threads()));
		}
		ComponentRun whack = find(runs, "whack");
		List<ComponentRun> kindlings = runs.stream().filter((run) -> run.name().startsWith("kindling")).toList();
		if (whack != null && !kindlings.isEmpty()) {
			out.append("\nKindling ÷ raw Whack (throughput: higher is better; p99: lower is better)\n\n");
			out.append("| component | workload | W | throughput ratio | p99 ratio | lost (Whack / Kindling) | reordered (Whack / Kindling) |\n");
			out.append("|---|---|---|---|---|---|---|\n");
			for (ComponentRun kindling : kindlings) {
				for (int i = 0; i < Math.min(whack.levels().size(), kindling.levels().size()); i++) {
					LoadResult w = whack.levels().get(i).result();
					LoadResult k = kindling.levels().get(i).result();
					out.append(String.format("| %s | %s | %d | %.2f× | %.2f× | %,d / %,d | %,d / %,d |%n", kindling.name(),
							k.workload().name().toLowerCase(), k.window(), k.throughput() / Math.max(1, w.throughput()),
							(double) k.p99Micros() / Math.max(1, w.p99Micros()), w.lost(), k.lost(), w.reorderings(),
							k.reorderings()));
				}
			}
		}
		return out.toString();
	}

	private static ComponentRun find(List<ComponentRun> runs, String name) {
		return runs.stream().filter((run) -> run.name().equals(name)).findFirst().orElse(null);
	}

}
