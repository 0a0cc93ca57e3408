package dev.kindling.helm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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

	/** Renders the minimal values plus the given ones. */
	Manifests renderWith(String valuesYaml) {
		return render(MINIMAL_VALUES, valuesYaml);
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
