package dev.kindling.helm;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.fabric8.kubernetes.api.model.Container;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import dev.kindling.boot.autoconfigure.XmppComponentProperties;
import dev.kindling.devserver.ProsodyServer;
import dev.kindling.samples.echo.EchoBotApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The probe paths of the chart are the paths a real Kindling bot serves: the echo-bot sample booted
 * with the environment the rendered Deployment (or, in mode balanced, StatefulSet) gives its
 * container, read through Spring Boot's own system-environment binding, exactly as in a pod.
 */
class RenderedDeploymentRunsTheEchoBotTests {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	@TempDir
	Path scratch;

	@ParameterizedTest
	@ValueSource(strings = { "single", "handover", "balanced" })
	void probesOfTheRenderAnswerOnTheManagementPort(String mode) throws Exception {
		// Nothing listens on the server port: the bot starts anyway and keeps retrying with backoff.
		int serverPort = closedPort();
		Manifests manifests = new KindlingBotChart(this.scratch).renderWith(ScaleOutModesTests.valuesOf(mode), """
				server: {host: 127.0.0.1, port: %d}
				springProperties: {xmpp.dispatch.threads: 3}
				shutdown: {timeoutSeconds: 7}
				""".formatted(serverPort));
		// The second replica of a StatefulSet: its name is what the kubelet puts in the fieldRef.
		Map<String, Object> environment = PodEnvironment.of(manifests, "echo-kindling-bot-1");
		// Deviations for a test JVM: free ports instead of the pod's fixed ones.
		assertThat(environment).containsEntry("MANAGEMENT_SERVER_PORT", "8081");
		environment.put("MANAGEMENT_SERVER_PORT", "0");
		environment.put("SERVER_PORT", "0");

		try (ConfigurableApplicationContext context = run(environment)) {
			Binder binder = Binder.get(context.getEnvironment());
			assertThat(binder.bind("xmpp.dev-server.enabled", Boolean.class).get()).isFalse();
			assertThat(context.getBeanNamesForType(ProsodyServer.class)).isEmpty();
			assertThat(binder.bind("xmpp.component.host", String.class).get()).isEqualTo("127.0.0.1");
			assertThat(binder.bind("xmpp.component.port", Integer.class).get()).isEqualTo(serverPort);
			assertThat(binder.bind("xmpp.component.domain", String.class).get()).isEqualTo("echo.example.com");
			assertThat(binder.bind("xmpp.component.secret", String.class).get()).isEqualTo("top-secret");
			assertThat(binder.bind("xmpp.dispatch.threads", Integer.class).get()).isEqualTo(3);
			// The scale-out settings reach the properties the design names, through relaxed binding.
			assertThat(binder.bind("xmpp.component.shutdown-timeout", Duration.class).get())
				.isEqualTo(Duration.ofSeconds(7));
			assertThat(context.getBean(XmppComponentProperties.class).shutdownTimeout())
				.isEqualTo(Duration.ofSeconds(7));
			assertThat(binder.bind("xmpp.component.balancing", String.class).get())
				.isEqualTo(mode.equals("balanced") ? "bare-source" : "none");
			if (mode.equals("balanced")) {
				assertThat(binder.bind("xmpp.component.instance", String.class).get()).isEqualTo("echo-kindling-bot-1");
			}
			else {
				assertThat(binder.bind("xmpp.component.instance", String.class).isBound()).isFalse();
			}

			int managementPort = context.getEnvironment().getRequiredProperty("local.management.port", Integer.class);
			int appPort = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
			assertThat(managementPort).isNotEqualTo(appPort);
			Container container = manifests.container();

			HttpResponse<String> liveness = get(managementPort, container.getLivenessProbe().getHttpGet().getPath());
			assertThat(liveness.statusCode()).as(liveness.body()).isEqualTo(200);
			assertActuatorHealth(liveness);
			assertThat(liveness.body()).contains("\"status\":\"UP\"");

			HttpResponse<String> startup = get(managementPort, container.getStartupProbe().getHttpGet().getPath());
			assertThat(startup.statusCode()).isEqualTo(200);

			// While the stream is down the readiness group may say OUT_OF_SERVICE/DOWN (503), never 404.
			HttpResponse<String> readiness = get(managementPort, container.getReadinessProbe().getHttpGet().getPath());
			assertThat(readiness.statusCode()).as(readiness.body()).isIn(200, 503);
			assertActuatorHealth(readiness);

			// The probes are served on the management port only.
			assertThat(get(appPort, container.getLivenessProbe().getHttpGet().getPath()).statusCode()).isEqualTo(404);
		}
	}

	private static ConfigurableApplicationContext run(Map<String, Object> podEnvironment) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
					StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, podEnvironment));
		return new SpringApplicationBuilder(EchoBotApplication.class).main(EchoBotApplication.class)
			.environment(environment)
			.run();
	}

	private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(5))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private static void assertActuatorHealth(HttpResponse<String> response) {
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/vnd.spring-boot.actuator.v3+json"));
		assertThat(response.body()).startsWith("{").contains("\"status\":");
	}

	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
