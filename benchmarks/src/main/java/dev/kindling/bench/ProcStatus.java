package dev.kindling.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Memory and threads of a process from {@code /proc/<pid>/status} (Linux only), and its CPU time.
 *
 * @param peakRssKb resident memory high-water mark (VmHWM)
 * @param rssKb resident memory now (VmRSS)
 * @param threads live threads
 */
record ProcStatus(long peakRssKb, long rssKb, int threads) {

	static ProcStatus of(long pid) throws IOException {
		long hwm = -1;
		long rss = -1;
		int threads = -1;
		for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
			if (line.startsWith("VmHWM:")) {
				hwm = kb(line);
			}
			else if (line.startsWith("VmRSS:")) {
				rss = kb(line);
			}
			else if (line.startsWith("Threads:")) {
				threads = Integer.parseInt(line.substring(8).trim());
			}
		}
		return new ProcStatus(hwm, rss, threads);
	}

	/** User plus system CPU time of the process in milliseconds (clock ticks of 10 ms). */
	static long cpuMillis(long pid) throws IOException {
		String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
		String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
		// Fields 14 and 15 of stat (utime, stime); the part after ") " starts at field 3.
		return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
	}

	private static long kb(String line) {
		return Long.parseLong(line.replaceAll("[^0-9]", ""));
	}

	@Override
	public String toString() {
		return String.format("peak RSS %d MB, RSS %d MB, %d threads", this.peakRssKb / 1024, this.rssKb / 1024,
				this.threads);
	}

}
