package dev.kindling.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The command-line options of the benchmark mains ({@link BenchmarkRunner}, {@link ToetemBenchmark},
 * {@link StartupBenchmark}): each is {@code --name=value}, in the order given; a name given twice
 * keeps the last value.
 */
final class BenchOptions {

	private final Map<String, String> values;

	private BenchOptions(Map<String, String> values) {
		this.values = values;
	}

	static BenchOptions parse(String[] args) {
		Map<String, String> values = new LinkedHashMap<>();
		for (String arg : args) {
			int eq = arg.indexOf('=');
			if (!arg.startsWith("--") || eq < 0) {
				throw new IllegalArgumentException("Options are --name=value, not " + arg);
			}
			values.put(arg.substring(2, eq), arg.substring(eq + 1));
		}
		return new BenchOptions(values);
	}

	@Nullable String get(String name) {
		return this.values.get(name);
	}

	String get(String name, String fallback) {
		return this.values.getOrDefault(name, fallback);
	}

	int integer(String name, String fallback) {
		return Integer.parseInt(get(name, fallback));
	}

	/** A duration written as {@code 15s}, {@code 2m} or {@code 300ms}. */
	Duration duration(String name, String fallback) {
		return Duration.parse("PT" + get(name, fallback).toUpperCase());
	}

	/** A comma-separated list, each item trimmed. */
	List<String> list(String name, String fallback) {
		return Arrays.stream(get(name, fallback).split(",")).map(String::trim).toList();
	}

	/**
	 * The options named {@code prefix + key}, by key, in the order given: e.g. every
	 * {@code --variant.<name>=...} for the prefix {@code variant.}.
	 */
	Map<String, String> withPrefix(String prefix) {
		Map<String, String> found = new LinkedHashMap<>();
		this.values.forEach((name, value) -> {
			if (name.startsWith(prefix)) {
				found.put(name.substring(prefix.length()), value);
			}
		});
		return found;
	}

	/** JVM arguments given as one option, split at whitespace; none when absent or blank. */
	static List<String> jvmArguments(@Nullable String value) {
		return (value == null || value.isBlank()) ? List.of() : List.of(value.trim().split("\\s+"));
	}

	/** The {@code java} of the JVM running the benchmark, for the JVMs it starts. */
	static String thisJava() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

}
