package dev.kindling.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * The scale-out benchmark's figures as markdown tables and as JSON: each N against N = 1 of the
 * same run, and the failure scenarios.
 */
record ScaleOutReport(String loadBefore, String loadAfter, String settings, List<Level> levels, List<Failure> failures) {

	/**
	 * One replica's part of a level.
	 *
	 * @param instance its {@code xmpp.component.instance}
	 * @param idleCpuMillisPerSecond its process's CPU with no traffic, just before the load, per second
	 * @param cpuMillis its process's CPU over the measured load (warmup included)
	 * @param received messages its meters counted over the same time; -1 if unknown
	 * @param reconnects streams it established during the load (each one a rebuilt stream)
	 * @param peakRssMb its VmHWM
	 */
	record ReplicaFigures(String instance, double idleCpuMillisPerSecond, long cpuMillis, long received, int reconnects, long peakRssMb) {
	}

	/** N replicas under closed-loop load. */
	record Level(String server, int nodes, int replicas, ClientLoadResult load, long serverCpuMillis,
			List<ReplicaFigures> perReplica) {

		long replicaCpuMillis() {
			return this.perReplica.stream().mapToLong(ReplicaFigures::cpuMillis).sum();
		}

		long received() {
			return this.perReplica.stream().mapToLong((r) -> Math.max(0, r.received())).sum();
		}

		/** CPU µs per answered stanza (errors count as answers: the replica did the work). */
		double cpuMicrosPerAnswer(long cpuMillis) {
			return 1000.0 * cpuMillis / Math.max(1, this.load.errorsAndAnswers());
		}

	}

	/**
	 * A failure under a fixed rate.
	 *
	 * @param affectedClients clients whose longest stretch without an answer passed the threshold
	 * @param gapMedianMs median of those stretches
	 * @param gapMaxMs the longest of them
	 * @param longestGapMs the longest stretch of any client ending after the event (also below the threshold)
	 * @param stallsElsewhere stretches above the threshold that do not overlap the failure: the machine's own stalls
	 * @param stopMs the kill or the SIGTERM until the process had exited
	 * @param backMs the event until the restarted (or standing-by) instance had connected
	 * @param firstAnswerMs the event until the last affected client had an answer again; -1 if none did
	 */
	record Failure(String scenario, String server, int nodes, int replicas, double rate, ClientLoadResult load,
			int affectedClients, long gapMedianMs, long gapMaxMs, long longestGapMs, long stallsElsewhere, long stopMs, long backMs,
			long firstAnswerMs, String note) {

		@Override
		public String toString() {
			return String.format("%s on %s: affected clients %d, gap median %d ms, max %d ms (longest of all %d ms, %d stalls elsewhere), "
					+ "stop %d ms, back %d ms, last affected client answered %d ms after the event%s", this.scenario,
					this.server, this.affectedClients, this.gapMedianMs, this.gapMaxMs, this.longestGapMs, this.stallsElsewhere, this.stopMs,
					this.backMs, this.firstAnswerMs, (this.note != null) ? "; " + this.note : "");
		}

	}

	String markdown() {
		StringBuilder out = new StringBuilder();
		out.append("Load average (/proc/loadavg) before: ").append(this.loadBefore).append("; after: ").append(this.loadAfter)
			.append("\n\n").append(this.settings).append("\n\n");
		if (!this.levels.isEmpty()) {
			out.append("| server | nodes | N | answers/s | p50 µs | p99 µs | max µs | sent | answered | lost | errors | dup | reordered | "
					+ "CPU µs/stanza, replicas | CPU µs/stanza, server | reconnects |\n");
			out.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
			for (Level level : this.levels) {
				ClientLoadResult r = level.load();
				out.append(String.format("| %s | %d | %d | %,.0f | %d | %d | %d | %,d | %,d | %,d | %,d | %d | %,d | %.1f | %.1f | %d |%n",
						level.server(), level.nodes(), level.replicas(), r.throughput(), r.p50Micros(), r.p99Micros(),
						r.maxMicros(), r.sent(), r.answered(), r.lost(), r.errors(), r.duplicates(), r.reorderings(),
						level.cpuMicrosPerAnswer(level.replicaCpuMillis()), level.cpuMicrosPerAnswer(level.serverCpuMillis()),
						level.perReplica().stream().mapToInt(ReplicaFigures::reconnects).sum()));
			}
			out.append("\nPer replica (share: the messages its meters counted, of all replicas' count; "
					+ "CPU per stanza: its CPU over the messages it received)\n\n");
			out.append("| N | replica | share | messages | CPU ms | CPU µs/stanza | idle CPU ms/s | reconnects | peak RSS MB |\n|---|---|---|---|---|---|---|---|---|\n");
			for (Level level : this.levels) {
				long total = level.received();
				for (ReplicaFigures replica : level.perReplica()) {
					out.append(String.format("| %d | %s | %s | %,d | %,d | %s | %.0f | %d | %d |%n", level.replicas(), replica.instance(),
							(replica.received() < 0 || total == 0) ? "?" : String.format("%.1f %%", 100.0 * replica.received() / total),
							replica.received(), replica.cpuMillis(),
							(replica.received() <= 0) ? "?" : String.format("%.1f", 1000.0 * replica.cpuMillis() / replica.received()),
							replica.idleCpuMillisPerSecond(), replica.reconnects(), replica.peakRssMb()));
				}
			}
			Level base = this.levels.stream().filter((level) -> level.replicas() == 1).findFirst().orElse(null);
			if (base != null && this.levels.size() > 1) {
				out.append("\nRatios against N = 1 of this run (throughput: higher is better; p99 and CPU: lower is better)\n\n");
				out.append("| N | throughput | p99 | CPU per stanza, replicas | CPU per stanza, server |\n|---|---|---|---|---|\n");
				for (Level level : this.levels) {
					out.append(String.format("| %d | %.2f× | %.2f× | %.2f× | %.2f× |%n", level.replicas(),
							level.load().throughput() / Math.max(1, base.load().throughput()),
							(double) level.load().p99Micros() / Math.max(1, base.load().p99Micros()),
							level.cpuMicrosPerAnswer(level.replicaCpuMillis()) / Math.max(0.001, base.cpuMicrosPerAnswer(base.replicaCpuMillis())),
							level.cpuMicrosPerAnswer(level.serverCpuMillis()) / Math.max(0.001, base.cpuMicrosPerAnswer(base.serverCpuMillis()))));
				}
			}
		}
		if (!this.failures.isEmpty()) {
			out.append("\nFailures under a fixed rate (affected: a client whose time without an answer overlapping the failure was above "
					+ "the threshold; its gap is that time; stalls elsewhere: such times at other moments, the machine's own)\n\n");
			out.append("| scenario | server | N | msg/s | sent | answered | errors | lost | dup | reordered | affected clients | "
					+ "gap median ms | gap max ms | stalls elsewhere | stop ms | back (ready) ms | last affected answered after ms |\n");
			out.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
			for (Failure f : this.failures) {
				ClientLoadResult r = f.load();
				out.append(String.format("| %s | %s | %d | %.0f | %,d | %,d | %,d | %,d | %d | %,d | %d of %d | %d | %d | %d | %d | %d | %d |%n",
						f.scenario(), f.server(), f.replicas(), f.rate(), r.sent(), r.answered(), r.errors(), r.lost(),
						r.duplicates(), r.reorderings(), f.affectedClients(), r.gaps().size(), f.gapMedianMs(), f.gapMaxMs(),
						f.stallsElsewhere(), f.stopMs(), f.backMs(), f.firstAnswerMs()));
			}
			for (Failure f : this.failures) {
				if (f.note() != null) {
					out.append("\n- ").append(f.scenario()).append(": ").append(f.note());
				}
			}
			out.append("\n");
		}
		return out.toString();
	}

	String json() {
		Map<String, Object> root = new LinkedHashMap<>();
		root.put("loadBefore", this.loadBefore);
		root.put("loadAfter", this.loadAfter);
		root.put("settings", this.settings);
		List<Map<String, Object>> levels = new ArrayList<>();
		for (Level level : this.levels) {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("server", level.server());
			entry.put("nodes", level.nodes());
			entry.put("replicas", level.replicas());
			entry.put("load", load(level.load()));
			entry.put("cpuMicrosPerStanzaReplicas", level.cpuMicrosPerAnswer(level.replicaCpuMillis()));
			entry.put("cpuMicrosPerStanzaServer", level.cpuMicrosPerAnswer(level.serverCpuMillis()));
			entry.put("perReplica", level.perReplica());
			levels.add(entry);
		}
		root.put("levels", levels);
		List<Map<String, Object>> failures = new ArrayList<>();
		for (Failure f : this.failures) {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("scenario", f.scenario());
			entry.put("server", f.server());
			entry.put("nodes", f.nodes());
			entry.put("replicas", f.replicas());
			entry.put("rate", f.rate());
			entry.put("load", load(f.load()));
			entry.put("affectedClients", f.affectedClients());
			entry.put("gapMedianMs", f.gapMedianMs());
			entry.put("gapMaxMs", f.gapMaxMs());
			entry.put("longestGapMs", f.longestGapMs());
			entry.put("stallsElsewhere", f.stallsElsewhere());
			entry.put("stopMs", f.stopMs());
			entry.put("backMs", f.backMs());
			entry.put("firstAnswerMs", f.firstAnswerMs());
			entry.put("note", f.note());
			failures.add(entry);
		}
		root.put("failures", failures);
		return JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(root);
	}

	private static Map<String, Object> load(ClientLoadResult r) {
		Map<String, Object> load = new LinkedHashMap<>();
		load.put("sent", r.sent());
		load.put("answered", r.answered());
		load.put("errors", r.errors());
		load.put("lost", r.lost());
		load.put("duplicates", r.duplicates());
		load.put("late", r.late());
		load.put("reordered", r.reorderings());
		load.put("unknown", r.unknown());
		load.put("answersPerSecond", r.throughput());
		load.put("p50Micros", r.p50Micros());
		load.put("p99Micros", r.p99Micros());
		load.put("maxMicros", r.maxMicros());
		return load;
	}

}
