package dev.kindling.helm;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample Dockerfile and the chart's defaults agree. (The Dockerfile's steps themselves are
 * played on the real jar when the echo bot is packaged: scripts/check-sample-image.sh.)
 */
class SampleDockerfileTests {

	@TempDir
	Path scratch;

	String dockerfile;

	Manifests defaults;

	@BeforeEach
	void read() throws Exception {
		this.dockerfile = Files.readString(KindlingBotChart.moduleDir().resolve("../sample-bots/Dockerfile"));
		this.defaults = new KindlingBotChart(this.scratch).render(KindlingBotChart.MINIMAL_VALUES);
	}

	@Test
	void runsAsTheNumericUserTheChartRequires() {
		Matcher user = find("(?m)^USER (\\d+):(\\d+)$");
		PodSecurityContext pod = this.defaults.deployment().getSpec().getTemplate().getSpec().getSecurityContext();
		assertThat(Long.parseLong(user.group(1))).isEqualTo(pod.getRunAsUser())
			.isEqualTo(this.defaults.container().getSecurityContext().getRunAsUser())
			.isNotZero();
		assertThat(Long.parseLong(user.group(2))).isEqualTo(pod.getRunAsGroup());
		assertThat(this.dockerfile).contains("useradd --system --uid " + user.group(1) + " --gid " + user.group(2));
	}

	@Test
	void exposesAndConfiguresTheChartsManagementPort() {
		Container container = this.defaults.container();
		String port = String.valueOf(container.getPorts().get(0).getContainerPort());
		assertThat(find("(?m)^EXPOSE (.+)$").group(1).split(" ")).containsExactly(port);
		assertThat(this.dockerfile).contains("MANAGEMENT_SERVER_PORT=" + port);
		assertThat(this.dockerfile).contains("XMPP_DEVSERVER_ENABLED=false");
	}

	@Test
	void startsTheExtractedLayeredJarOnAJre() {
		assertThat(find("(?m)^ARG JAVA_IMAGE=(.+)$").group(1))
			.as("JDK 25: a one-step AOT cache training (JEP 514) with method profiles (JEP 515)")
			.isEqualTo("eclipse-temurin:25-jre");
		assertThat(find("(?m)^RUN (java .*)$").group(1))
			.isEqualTo("java -Djarmode=tools -jar app.jar extract --layers --destination extracted");
		List<String> copied = Pattern.compile("(?m)^COPY --from=extract /build/extracted/([a-z-]+)/ \\./$")
			.matcher(this.dockerfile)
			.results()
			.map((match) -> match.group(1))
			.toList();
		assertThat(copied).as("Spring Boot's default layers, least often changed first")
			.containsExactly("dependencies", "spring-boot-loader", "snapshot-dependencies", "application");
		assertThat(find("(?m)^ENTRYPOINT (.+)$").group(1))
			.isEqualTo("[\"java\", \"-XX:AOTCache=app.aot\", \"-Dspring.aot.enabled=true\", \"-jar\", \"app.jar\"]");
		assertThat(find("(?m)^USER .*$").start()).as("USER comes after the layers are copied")
			.isGreaterThan(this.dockerfile.lastIndexOf("COPY --from=extract"));
	}

	@Test
	void trainsTheAotCacheTheEntrypointMaps() {
		Matcher training = find("(?m)^RUN (java -XX:AOTCacheOutput=(\\S+) .*)$");
		assertThat(training.group(1)).as("a training run that stops before connecting")
			.contains("-Dspring.context.exit=onRefresh")
			.contains("-jar app.jar");
		assertThat(find("(?m)^ENTRYPOINT (.+)$").group(1)).contains("\"-XX:AOTCache=" + training.group(2) + "\"");
		assertThat(training.start()).as("trained after the layers are copied, with the image's environment, as root")
			.isGreaterThan(this.dockerfile.lastIndexOf("COPY --from=extract"))
			.isGreaterThan(find("(?m)^ENV XMPP_DEVSERVER_ENABLED=false").start())
			.isLessThan(find("(?m)^USER .*$").start());
	}

	@Test
	void startsFromSpringAotCodeGeneratedWithTheImagesEnvironment() throws Exception {
		assertThat(find("(?m)^RUN (java -XX:AOTCacheOutput=.*)$").group(1))
			.as("the cache is trained on the code path the entrypoint takes")
			.contains("-Dspring.aot.enabled=true");
		assertThat(find("(?m)^ENTRYPOINT (.+)$").group(1)).contains("-Dspring.aot.enabled=true");
		// AOT decides the conditions when the jar is built: with the ENV the image runs with.
		String pom = Files.readString(KindlingBotChart.moduleDir().resolve("../sample-bots/pom.xml"));
		Matcher aot = Pattern.compile("(?s)<goal>process-aot</goal>.*?<systemPropertyVariables>(.*?)</systemPropertyVariables>")
			.matcher(pom);
		assertThat(aot.find()).as("a process-aot execution with system properties in the samples' parent pom").isTrue();
		assertThat(this.dockerfile).contains("XMPP_DEVSERVER_ENABLED=false");
		assertThat(aot.group(1)).contains("<xmpp.dev-server.enabled>false</xmpp.dev-server.enabled>")
			.contains("<management.server.port>" + find("(?m)^EXPOSE (.+)$").group(1) + "</management.server.port>");
	}

	@Test
	void defaultJarIsTheEchoBotsRunnableJar() {
		String version = System.getProperty("kindling.version");
		assertThat(version).as("kindling.version, set by the module's surefire configuration").isNotBlank();
		assertThat(find("(?m)^ARG JAR_FILE=(.+)$").group(1))
			.isEqualTo("sample-bots/echo-bot/target/kindling-sample-echo-bot-" + version + "-exec.jar");
	}

	private Matcher find(String regex) {
		Matcher matcher = Pattern.compile(regex).matcher(this.dockerfile);
		assertThat(matcher.find()).as("%s in the Dockerfile", regex).isTrue();
		return matcher;
	}

}
