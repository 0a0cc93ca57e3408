package dev.kindling.helm;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The kindling-bot chart linted and rendered with several value sets, the objects asserted typed.
 */
class KindlingBotChartTests {

	@TempDir
	Path scratch;

	KindlingBotChart chart;

	@BeforeEach
	void chart() {
		this.chart = new KindlingBotChart(this.scratch);
	}

	@Test
	void lintsCleanInStrictMode() {
		LintResult result = this.chart.lintStrict();
		assertThat(result.isFailed()).as("%s", result.getMessages()).isFalse();
		assertThat(result.getMessages()).noneMatch((message) -> message.startsWith("[WARNING]"))
			.noneMatch((message) -> message.startsWith("[ERROR]"));
	}

	@Test
	void strictLintFailsABrokenCopyOfTheChart() throws Exception {
		Path copy = KindlingBotChart.copyChart(KindlingBotChart.chartDir(), this.scratch.resolve("broken"));
		Path deployment = copy.resolve("templates/deployment.yaml");
		Files.writeString(deployment, Files.readString(deployment).replace("{{ .Values.replicaCount }}",
				"{{ .Values.replicaCount | noSuchFunction }}"));
		LintResult result = new KindlingBotChart(copy, this.scratch).lintStrict();
		assertThat(result.isFailed()).isTrue();
		assertThat(result.getMessages()).anyMatch((message) -> message.contains("noSuchFunction"));
	}

	@Nested
	class Defaults {

		Manifests manifests;

		@BeforeEach
		void render() {
			this.manifests = KindlingBotChartTests.this.chart.render(KindlingBotChart.MINIMAL_VALUES);
		}

		@Test
		void rendersDeploymentSecretAndServiceButNoServiceMonitor() {
			assertThat(this.manifests.objects()).extracting((object) -> object.getKind())
				.containsExactlyInAnyOrder("Secret", "Service", "Deployment");
			assertThat(this.manifests.deployment().getMetadata().getName()).isEqualTo("echo-kindling-bot");
		}

		@Test
		void runsOneReplicaRecreatedOnRollout() {
			Deployment deployment = this.manifests.deployment();
			assertThat(deployment.getSpec().getReplicas()).isEqualTo(1);
			assertThat(deployment.getSpec().getStrategy().getType()).isEqualTo("Recreate");
			assertThat(deployment.getSpec().getStrategy().getRollingUpdate()).isNull();
		}

		@Test
		void runsTheImageWithTheConnectionSettingsInTheEnvironment() {
			Container container = this.manifests.container();
			assertThat(container.getImage()).isEqualTo("registry.example.com/kindling/echo-bot:1.2.3");
			assertThat(container.getImagePullPolicy()).isEqualTo("IfNotPresent");
			assertThat(this.manifests.env("XMPP_COMPONENT_HOST").getValue())
				.isEqualTo("prosody.xmpp.svc.cluster.local");
			assertThat(this.manifests.env("XMPP_COMPONENT_PORT").getValue()).isEqualTo("5347");
			assertThat(this.manifests.env("XMPP_COMPONENT_DOMAIN").getValue()).isEqualTo("echo.example.com");
			assertThat(this.manifests.env("XMPP_DEVSERVER_ENABLED").getValue()).isEqualTo("false");
			assertThat(this.manifests.env("MANAGEMENT_SERVER_PORT").getValue()).isEqualTo("8081");
			assertThat(this.manifests.env("MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED").getValue()).isEqualTo("true");
			assertThat(container.getEnv()).extracting(EnvVar::getName).doesNotContain("SPRING_APPLICATION_JSON");
		}

		@Test
		void probesTheActuatorGroupsOnTheManagementPort() {
			Container container = this.manifests.container();
			assertThat(container.getPorts()).singleElement().satisfies((port) -> {
				assertThat(port.getName()).isEqualTo("management");
				assertThat(port.getContainerPort()).isEqualTo(8081);
				assertThat(port.getProtocol()).isEqualTo("TCP");
			});
			assertProbe(container.getLivenessProbe(), "/actuator/health/liveness");
			assertProbe(container.getReadinessProbe(), "/actuator/health/readiness");
			assertProbe(container.getStartupProbe(), "/actuator/health/liveness");
			assertThat(container.getStartupProbe().getFailureThreshold() * container.getStartupProbe().getPeriodSeconds())
				.as("seconds the JVM gets to start").isGreaterThanOrEqualTo(60);
		}

		private void assertProbe(Probe probe, String path) {
			assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
			assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("management");
			assertThat(probe.getExec()).isNull();
		}

		@Test
		void exposesTheManagementPortThroughTheService() {
			var service = this.manifests.service();
			assertThat(service.getSpec().getType()).isEqualTo("ClusterIP");
			assertThat(service.getSpec().getSelector())
				.isEqualTo(this.manifests.deployment().getSpec().getSelector().getMatchLabels())
				.containsEntry("app.kubernetes.io/instance", "echo");
			ServicePort port = service.getSpec().getPorts().get(0);
			assertThat(service.getSpec().getPorts()).hasSize(1);
			assertThat(port.getName()).isEqualTo("management");
			assertThat(port.getPort()).isEqualTo(8081);
			assertThat(port.getTargetPort().getStrVal()).isEqualTo("management");
			assertThat(this.manifests.deployment().getSpec().getTemplate().getMetadata().getLabels())
				.containsAllEntriesOf(service.getSpec().getSelector());
		}

		@Test
		void keepsTheSecretInASecretReferencedByTheEnvironment() {
			Secret secret = this.manifests.secret();
			assertThat(secret.getType()).isEqualTo("Opaque");
			assertThat(secret.getData()).containsOnlyKeys("secret");
			assertThat(new String(Base64.getDecoder().decode(secret.getData().get("secret")), StandardCharsets.UTF_8))
				.isEqualTo("top-secret");
			EnvVar env = this.manifests.env("XMPP_COMPONENT_SECRET");
			assertThat(env.getValue()).isNull();
			assertThat(env.getValueFrom().getSecretKeyRef().getName()).isEqualTo(secret.getMetadata().getName());
			assertThat(env.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("secret");
			assertThat(this.manifests.yaml()).doesNotContain("top-secret");
		}

		@Test
		void runsUnprivilegedOnAReadOnlyRootFilesystem() {
			PodSpec pod = this.manifests.deployment().getSpec().getTemplate().getSpec();
			PodSecurityContext podContext = pod.getSecurityContext();
			assertThat(podContext.getRunAsNonRoot()).isTrue();
			assertThat(podContext.getRunAsUser()).isEqualTo(10001L);
			assertThat(podContext.getRunAsGroup()).isEqualTo(10001L);
			assertThat(podContext.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
			assertThat(pod.getAutomountServiceAccountToken()).isFalse();

			SecurityContext context = this.manifests.container().getSecurityContext();
			assertThat(context.getRunAsNonRoot()).isTrue();
			assertThat(context.getRunAsUser()).isEqualTo(10001L);
			assertThat(context.getReadOnlyRootFilesystem()).isTrue();
			assertThat(context.getAllowPrivilegeEscalation()).isFalse();
			assertThat(context.getPrivileged()).isFalse();
			assertThat(context.getCapabilities().getDrop()).containsExactly("ALL");
			assertThat(context.getCapabilities().getAdd()).isNullOrEmpty();
			assertThat(context.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");

			assertThat(this.manifests.container().getVolumeMounts()).singleElement().satisfies((mount) -> {
				assertThat(mount.getMountPath()).isEqualTo("/tmp");
				assertThat(pod.getVolumes()).singleElement().satisfies((volume) -> {
					assertThat(volume.getName()).isEqualTo(mount.getName());
					assertThat(volume.getEmptyDir()).isNotNull();
				});
			});
		}

		@Test
		void annotatesPodsForPrometheusAndTheSecretChecksum() {
			Map<String, String> annotations = this.manifests.deployment().getSpec().getTemplate().getMetadata()
				.getAnnotations();
			assertThat(annotations).containsEntry("prometheus.io/scrape", "true")
				.containsEntry("prometheus.io/port", "8081")
				.containsEntry("prometheus.io/path", "/actuator/prometheus");
			assertThat(annotations.get("checksum/secret")).matches("[0-9a-f]{64}");
		}

	}

	@Test
	void changingTheSecretChangesThePodTemplate() {
		String first = checksum(this.chart.render(KindlingBotChart.MINIMAL_VALUES));
		String same = checksum(this.chart.render(KindlingBotChart.MINIMAL_VALUES));
		String changed = checksum(this.chart.renderWith("secret: {value: rotated}"));
		assertThat(same).isEqualTo(first);
		assertThat(changed).isNotEqualTo(first);
	}

	private static String checksum(Manifests manifests) {
		return manifests.deployment().getSpec().getTemplate().getMetadata().getAnnotations().get("checksum/secret");
	}

	@Test
	void existingSecretIsReferencedAndNoSecretIsRendered() {
		Manifests manifests = this.chart.render("""
				image: {repository: bots/echo}
				component: {domain: echo.example.com}
				server: {host: prosody}
				secret:
				  existingSecret: echo-component
				  key: component-secret
				""");
		assertThat(manifests.all(Secret.class)).isEmpty();
		EnvVar env = manifests.env("XMPP_COMPONENT_SECRET");
		assertThat(env.getValueFrom().getSecretKeyRef().getName()).isEqualTo("echo-component");
		assertThat(env.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("component-secret");
		assertThat(manifests.deployment().getSpec().getTemplate().getMetadata().getAnnotations())
			.doesNotContainKey("checksum/secret");
		assertThat(manifests.container().getImage()).as("tag defaults to the appVersion")
			.isEqualTo("bots/echo:0.1.0-SNAPSHOT");
	}

	@Test
	void serviceMonitorWhenEnabled() {
		Manifests manifests = this.chart.renderWith("""
				serviceMonitor:
				  enabled: true
				  interval: 15s
				  labels: {release: kube-prometheus-stack}
				""");
		GenericKubernetesResource monitor = manifests.ofKind("ServiceMonitor").get(0);
		assertThat(manifests.ofKind("ServiceMonitor")).hasSize(1);
		assertThat(monitor.getApiVersion()).isEqualTo("monitoring.coreos.com/v1");
		assertThat(monitor.getMetadata().getLabels()).containsEntry("release", "kube-prometheus-stack");
		Map<String, Object> spec = monitor.get("spec");
		assertThat(spec).extractingByKey("selector")
			.isEqualTo(Map.of("matchLabels", manifests.service().getSpec().getSelector(), "matchExpressions",
					java.util.List.of(Map.of("key", "kindling.dev/headless", "operator", "DoesNotExist"))));
		assertThat(spec).extractingByKey("namespaceSelector").isEqualTo(Map.of("matchNames", java.util.List.of("bots")));
		assertThat(spec).extractingByKey("endpoints")
			.isEqualTo(java.util.List.of(Map.of("port", "management", "path", "/actuator/prometheus", "interval", "15s",
					"scrapeTimeout", "10s")));
	}

	@Test
	void podAnnotationsMergeWithThePrometheusOnesAndCanReplaceThem() {
		Manifests manifests = this.chart.renderWith("""
				podAnnotations: {team: bots}
				metrics: {podAnnotations: false}
				""");
		Map<String, String> annotations = manifests.deployment().getSpec().getTemplate().getMetadata().getAnnotations();
		assertThat(annotations).containsEntry("team", "bots").doesNotContainKeys("prometheus.io/scrape",
				"prometheus.io/port", "prometheus.io/path");
	}

	@Test
	void managementPortMovesProbesServiceAndScrapeTogether() {
		Manifests manifests = this.chart.renderWith("""
				management: {port: 9090}
				service: {port: 80}
				""");
		assertThat(manifests.container().getPorts().get(0).getContainerPort()).isEqualTo(9090);
		assertThat(manifests.env("MANAGEMENT_SERVER_PORT").getValue()).isEqualTo("9090");
		assertThat(manifests.deployment().getSpec().getTemplate().getMetadata().getAnnotations())
			.containsEntry("prometheus.io/port", "9090");
		assertThat(manifests.service().getSpec().getPorts().get(0).getPort()).isEqualTo(80);
		assertThat(manifests.service().getSpec().getPorts().get(0).getTargetPort().getStrVal()).isEqualTo("management");
	}

	@Test
	void extraEnvironmentAndSpringPropertiesFollowTheChartsOwn() throws Exception {
		Manifests manifests = this.chart.renderWith("""
				env:
				  - name: JAVA_TOOL_OPTIONS
				    value: -XX:MaxRAMPercentage=75
				  - name: API_TOKEN
				    valueFrom:
				      secretKeyRef: {name: api, key: token}
				envFrom:
				  - configMapRef: {name: bot-config}
				springProperties:
				  xmpp.dispatch.threads: 16
				  xmpp.component.ping-interval: 15s
				""");
		assertThat(manifests.container().getEnv()).extracting(EnvVar::getName)
			.endsWith("SPRING_APPLICATION_JSON", "JAVA_TOOL_OPTIONS", "API_TOKEN");
		assertThat(manifests.env("API_TOKEN").getValueFrom().getSecretKeyRef().getName()).isEqualTo("api");
		assertThat(manifests.container().getEnvFrom().get(0).getConfigMapRef().getName()).isEqualTo("bot-config");
		Map<?, ?> json = new ObjectMapper().readValue(manifests.env("SPRING_APPLICATION_JSON").getValue(), Map.class);
		assertThat(json).isEqualTo(Map.of("xmpp.dispatch.threads", 16, "xmpp.component.ping-interval", "15s"));
	}

	@Test
	void schedulingAndResourcesPassThrough() {
		Manifests manifests = this.chart.renderWith("""
				resources:
				  requests: {cpu: 100m, memory: 256Mi}
				  limits: {memory: 512Mi}
				nodeSelector: {kubernetes.io/arch: amd64}
				tolerations:
				  - {key: dedicated, operator: Equal, value: bots, effect: NoSchedule}
				affinity:
				  nodeAffinity:
				    requiredDuringSchedulingIgnoredDuringExecution:
				      nodeSelectorTerms:
				        - matchExpressions:
				            - {key: topology.kubernetes.io/zone, operator: In, values: [zone-a]}
				""");
		PodSpec pod = manifests.deployment().getSpec().getTemplate().getSpec();
		assertThat(manifests.container().getResources().getRequests().get("memory").toString()).isEqualTo("256Mi");
		assertThat(manifests.container().getResources().getLimits().get("memory").toString()).isEqualTo("512Mi");
		assertThat(pod.getNodeSelector()).containsEntry("kubernetes.io/arch", "amd64");
		assertThat(pod.getTolerations()).singleElement().satisfies((toleration) -> {
			assertThat(toleration.getKey()).isEqualTo("dedicated");
			assertThat(toleration.getEffect()).isEqualTo("NoSchedule");
		});
		assertThat(pod.getAffinity().getNodeAffinity().getRequiredDuringSchedulingIgnoredDuringExecution()
			.getNodeSelectorTerms().get(0).getMatchExpressions().get(0).getValues()).containsExactly("zone-a");
	}

	@Nested
	class OneWriterPerComponentDomain {

		@Test
		void twoReplicasAreRefused() {
			assertThatIllegalStateException().isThrownBy(() -> KindlingBotChartTests.this.chart.renderWith("replicaCount: 2"))
				.withMessageContaining("replicaCount is 2")
				.withMessageContaining("mode single runs one session per component domain (echo.example.com)")
				.withMessageContaining("mode: handover")
				.withMessageContaining("mode: balanced")
				.withMessageContaining("server.multipleSessionsPerDomain=true");
		}

		@Test
		void twoReplicasRollWhenTheServerTakesSeveralSessionsPerDomain() {
			Deployment deployment = KindlingBotChartTests.this.chart.renderWith("""
					replicaCount: 2
					server: {multipleSessionsPerDomain: true}
					""").deployment();
			assertThat(deployment.getSpec().getReplicas()).isEqualTo(2);
			assertThat(deployment.getSpec().getStrategy().getType()).isEqualTo("RollingUpdate");
			assertThat(deployment.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntVal()).isZero();
			assertThat(deployment.getSpec().getStrategy().getRollingUpdate().getMaxSurge().getIntVal()).isEqualTo(1);
		}

		@Test
		void zeroReplicasParkTheBot() {
			assertThat(KindlingBotChartTests.this.chart.renderWith("replicaCount: 0").deployment().getSpec().getReplicas())
				.isZero();
		}

	}

	@Nested
	class BadValues {

		@Test
		void missingComponentDomain() {
			assertRefused("component: {domain: ''}",
					"component.domain is required: the component's full domain as the XMPP server knows it");
		}

		@Test
		void missingSecret() {
			assertRefused("secret: {value: ''}", "secret.value is required");
		}

		@Test
		void missingServerHost() {
			assertRefused("server: {host: ''}", "server.host is required");
		}

		@Test
		void missingImage() {
			assertRefused("image: {repository: ''}", "image.repository is required");
		}

		@Test
		void bothInlineAndExistingSecret() {
			assertRefused("secret: {existingSecret: mine}", "Set either secret.value or secret.existingSecret, not both.");
		}

		@Test
		void serviceMonitorWithoutService() {
			assertRefused("{serviceMonitor: {enabled: true}, service: {enabled: false}}",
					"serviceMonitor.enabled needs service.enabled");
		}

		@Test
		void misspelledValueIsRejectedByTheSchema() {
			assertRefused("replicas: 2", "additional properties 'replicas' not allowed");
		}

		@Test
		void portOutOfRangeIsRejectedByTheSchema() {
			assertRefused("server: {port: 70000}", "at '/server/port': maximum: got 70,000, want 65,535");
		}

		private void assertRefused(String values, String message) {
			assertThatIllegalStateException().isThrownBy(() -> KindlingBotChartTests.this.chart.renderWith(values))
				.withMessageContaining(message);
		}

	}

}
