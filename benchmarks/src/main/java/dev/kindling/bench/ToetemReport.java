package dev.kindling.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The Toetem benchmark's markdown: every level of every run, then each level's figures as ratios to
 * the smallest N of the same run and mode (the in-run baseline), one column per run.
 */
final class ToetemReport {

	private ToetemReport() {
	}

	record Level(ToetemResult result, long heapAfterGcKb, long cpuMillis) {

		double cpuMicrosPerRequest() {
			return 1000.0 * this.cpuMillis / Math.max(1, this.result.answered());
		}

		String mode() {
			return this.result.spec().saturated() ? "saturated"
					: String.format("paced %,d moves/s", (long) this.result.spec().moveRate());
		}

	}

	record Run(int number, long startToHandshakeMillis, ProcStatus status, List<Level> levels, Map<String, Long> other) {
	}

	static String render(List<Run> runs, String heap, Duration warmup, Duration measure) {
		StringBuilder out = new StringBuilder();
		out.append(String.format("Referee heap -Xms%1$s -Xmx%1$s, %2$d s warmup + %3$d s measured per level, %4$d cores, %5$s %6$s%n%n",
				heap, warmup.toSeconds(), measure.toSeconds(), Runtime.getRuntime().availableProcessors(),
				System.getProperty("java.vm.name"), System.getProperty("java.version")));
		out.append("| run | mode | N games | moves/s | p50 ms | p99 ms | p99.9 ms | max ms | join+start p99 ms | heap after GC MB "
				+ "| CPU µs/request | games finished | requests sent / answered | errors | lost | unexpected | state mismatches "
				+ "| events missing / stray |\n");
		out.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
		for (Run run : runs) {
			for (Level level : run.levels()) {
				ToetemResult r = level.result();
				out.append(String.format(
						"| %d | %s | %,d | %,.0f | %s | %s | %s | %s | %s | %.1f | %.1f | %,d | %,d / %,d | %,d | %,d | %,d | %,d | %,d / %,d |%n",
						run.number(), level.mode(), r.spec().games(), r.movesPerSecond(), ms(r.p50Micros()),
						ms(r.p99Micros()), ms(r.p999Micros()), ms(r.maxMicros()), (r.setupP99Micros() == 0) ? "–" : ms(r.setupP99Micros()),
						level.heapAfterGcKb() / 1024.0, level.cpuMicrosPerRequest(), r.gamesFinished(), r.sent(),
						r.answered(), r.errors(), r.lost(), r.unexpected(), r.mismatches(), r.missingEvents(),
						r.strayEvents()));
			}
		}
		out.append("\nRatios to the smallest N of the same run and mode (run 1 / run 2 / …): flat latency is 1.00×.\n\n");
		out.append("| mode | N games | moves/s | p50 | p99 | p99.9 | heap after GC |\n|---|---|---|---|---|---|---|\n");
		List<Level> first = runs.get(0).levels();
		for (int i = 0; i < first.size(); i++) {
			Level level = first.get(i);
			out.append(String.format("| %s | %,d | %s | %s | %s | %s | %s |%n", level.mode(), level.result().spec().games(),
					ratios(runs, i, (l) -> l.result().movesPerSecond()), ratios(runs, i, (l) -> l.result().p50Micros()),
					ratios(runs, i, (l) -> l.result().p99Micros()), ratios(runs, i, (l) -> l.result().p999Micros()),
					ratios(runs, i, (l) -> l.heapAfterGcKb())));
		}
		out.append("\n| run | JVM start → handshake ms | peak RSS MB | threads at end | stanzas outside the players' flows |\n|---|---|---|---|---|\n");
		for (Run run : runs) {
			out.append(String.format("| %d | %,d | %d | %d | %s |%n", run.number(), run.startToHandshakeMillis(),
					run.status().peakRssKb() / 1024, run.status().threads(), run.other()));
		}
		return out.toString();
	}

	private static String ms(long micros) {
		return String.format("%.2f", micros / 1000.0);
	}

	/** The level's value over the value of the same mode's first level, in each run. */
	private static String ratios(List<Run> runs, int index, ToDoubleFunction<Level> value) {
		StringBuilder out = new StringBuilder();
		for (Run run : runs) {
			if (index >= run.levels().size()) {
				continue;
			}
			Level level = run.levels().get(index);
			Level baseline = level;
			for (Level candidate : run.levels()) {
				if (candidate.mode().equals(level.mode())) {
					baseline = candidate;
					break;
				}
			}
			if (out.length() > 0) {
				out.append(" / ");
			}
			out.append(String.format("%.2f×", value.applyAsDouble(level) / Math.max(1e-9, value.applyAsDouble(baseline))));
		}
		return out.toString();
	}

}
