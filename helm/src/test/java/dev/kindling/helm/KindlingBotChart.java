package dev.kindling.helm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * The chart under test, rendered by the Helm library that helm-java embeds (no helm binary, no
 * cluster), with the manifests parsed into fabric8's typed Kubernetes models.
 */
final class KindlingBotChart {

	static final String RELEASE = "echo";

	static final String NAMESPACE = "bots";

	/** Values every render needs; a test adds or overrides on top of them. */
	static final String MINIMAL_VALUES = """
			image:
			  repository: registry.example.com/kindling/echo-bot
			  tag: 1.2.3
			component:
			  domain: echo.example.com
			server:
			  host: prosody.xmpp.svc.cluster.local
			secret:
			  value: top-secret
			""";

	private static final KubernetesSerialization serialization = new KubernetesSerialization();

	private final Path chartDir;

	private final Path scratchDir;

	/**
	 * @param scratchDir where the values files of the renders are written
	 */
	KindlingBotChart(Path scratchDir) {
		this(chartDir(), scratchDir);
	}

	KindlingBotChart(Path chartDir, Path scratchDir) {
		this.chartDir = chartDir;
		this.scratchDir = scratchDir;
	}

	/** The chart's directory, from the module's base directory (the tests' working directory). */
	static Path chartDir() {
		return moduleDir().resolve("kindling-bot");
	}

	static Path moduleDir() {
		return Path.of(System.getProperty("basedir", "")).toAbsolutePath();
	}

	/**
	 * A copy of the chart in the scratch directory whose values.yaml has the given literal
	 * replacements: lint reads only the chart's own values.
	 */
	KindlingBotChart copyWithDefaults(Map<String, String> replacements) {
		Path copy = copyChart(this.chartDir, this.scratchDir.resolve("chart-" + System.nanoTime()));
		Path values = copy.resolve("values.yaml");
		try {
			String text = Files.readString(values);
			for (Map.Entry<String, String> replacement : replacements.entrySet()) {
				if (!text.contains(replacement.getKey())) {
					throw new IllegalArgumentException("values.yaml has no '" + replacement.getKey() + "'");
				}
				text = text.replace(replacement.getKey(), replacement.getValue());
			}
			Files.writeString(values, text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new KindlingBotChart(copy, this.scratchDir);
	}

	static Path copyChart(Path source, Path target) {
		try (var paths = Files.walk(source)) {
			for (Path path : paths.toList()) {
				Path destination = target.resolve(source.relativize(path).toString());
				if (Files.isDirectory(path)) {
					Files.createDirectories(destination);
				}
				else {
					Files.copy(path, destination);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return target;
	}

	Path dir() {
		return this.chartDir;
	}

	LintResult lintStrict() {
		return new Helm(this.chartDir).lint().strict().call();
	}

	/** Renders the chart with the given values files, later ones overriding earlier ones. */
	Manifests render(String... valuesYaml) {
		var template = new Helm(this.chartDir).template().withName(RELEASE).withNamespace(NAMESPACE);
		for (String values : valuesYaml) {
			template.withValuesFile(write(values));
		}
		String yaml = template.call();
		return new Manifests(yaml, parse(yaml));
	}

	/** Renders the minimal values plus the given ones, later ones overriding earlier ones. */
	Manifests renderWith(String... valuesYaml) {
		String[] all = new String[valuesYaml.length + 1];
		all[0] = MINIMAL_VALUES;
		System.arraycopy(valuesYaml, 0, all, 1, valuesYaml.length);
		return render(all);
	}

	private Path write(String values) {
		try {
			return Files.writeString(Files.createTempFile(this.scratchDir, "values-", ".yaml"), values);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<HasMetadata> parse(String yaml) {
		List<HasMetadata> objects = new ArrayList<>();
		for (String document : yaml.split("(?m)^---\\s*$")) {
			boolean onlyComments = Arrays.stream(document.split("\n"))
				.map(String::strip)
				.allMatch((line) -> line.isEmpty() || line.startsWith("#"));
			if (!onlyComments) {
				objects.add(serialization.unmarshal(document));
			}
		}
		return objects;
	}

}
