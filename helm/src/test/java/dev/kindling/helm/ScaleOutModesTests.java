package dev.kindling.helm;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The chart's three modes: {@code single} (one pod, recreated), {@code handover} (one active pod,
 * a standby during rollouts) and {@code balanced} (a StatefulSet of replicas sharing the domain
 * through ejabberd's domain_balancing); the drain wiring common to all three; and the values that
 * cannot work, refused at render time.
 */
class ScaleOutModesTests {

	static final String HANDOVER = "mode: handover\n";

	static final String BALANCED = """
			mode: balanced
			replicaCount: 4
			balanced: {componentNumber: 3, balancing: bare-source}
			""";

	@TempDir
	Path scratch;

	KindlingBotChart chart;

	@BeforeEach
	void chart() {
		this.chart = new KindlingBotChart(this.scratch);
	}

	static String valuesOf(String mode) {
		return switch (mode) {
			case "single" -> "mode: single\n";
			case "handover" -> HANDOVER;
			case "balanced" -> BALANCED;
			default -> throw new IllegalArgumentException(mode);
		};
	}

	@Nested
	class Single {

		Manifests manifests;

		@BeforeEach
		void render() {
			this.manifests = ScaleOutModesTests.this.chart.render(KindlingBotChart.MINIMAL_VALUES);
		}

		@Test
		void isTheDefaultAndRendersOneRecreatedDeploymentWithoutBudget() {
			assertThat(kinds(this.manifests)).containsExactlyInAnyOrder("Secret", "Service", "Deployment");
			Deployment deployment = this.manifests.deployment();
			assertThat(deployment.getSpec().getReplicas()).isEqualTo(1);
			assertThat(deployment.getSpec().getStrategy().getType()).isEqualTo("Recreate");
			assertThat(ScaleOutModesTests.this.chart.renderWith("mode: single").yaml()).isEqualTo(this.manifests.yaml());
		}

		@Test
		void runsOneSessionWithoutBalancing() {
			assertThat(this.manifests.env("XMPP_COMPONENT_BALANCING").getValue()).isEqualTo("none");
			assertThat(this.manifests.container().getEnv()).extracting(EnvVar::getName)
				.doesNotContain("XMPP_COMPONENT_INSTANCE");
		}

	}

	@Nested
	class Handover {

		Manifests manifests;

		@BeforeEach
		void render() {
			this.manifests = ScaleOutModesTests.this.chart.renderWith(HANDOVER);
		}

		@Test
		void rendersADeploymentAndItsBudget() {
			assertThat(kinds(this.manifests)).containsExactlyInAnyOrder("Secret", "Service", "Deployment",
					"PodDisruptionBudget");
		}

		@Test
		void rollsOutWithASurgePodThatStandsByUntilTheOldOneHasLeft() {
			Deployment deployment = this.manifests.deployment();
			assertThat(deployment.getSpec().getReplicas()).isEqualTo(1);
			assertThat(deployment.getSpec().getStrategy().getType()).isEqualTo("RollingUpdate");
			assertThat(deployment.getSpec().getStrategy().getRollingUpdate().getMaxSurge().getIntVal()).isEqualTo(1);
			assertThat(deployment.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntVal())
				.isZero();
		}

		@Test
		void keepsTheActivePodThroughEvictionsButNotAPodThatIsNotReady() {
			PodDisruptionBudget budget = this.manifests.podDisruptionBudget();
			assertThat(budget.getSpec().getMinAvailable().getIntVal()).isEqualTo(1);
			assertThat(budget.getSpec().getMaxUnavailable()).isNull();
			assertThat(budget.getSpec().getUnhealthyPodEvictionPolicy()).isEqualTo("AlwaysAllow");
			assertSelectsThePods(budget, this.manifests);
		}

		@Test
		void runsOneActiveSessionWithoutBalancing() {
			assertThat(this.manifests.env("XMPP_COMPONENT_BALANCING").getValue()).isEqualTo("none");
			assertThat(this.manifests.container().getEnv()).extracting(EnvVar::getName)
				.doesNotContain("XMPP_COMPONENT_INSTANCE");
		}

		@Test
		void probesAsInModeSingle() {
			assertSameProbes(this.manifests, ScaleOutModesTests.this.chart.render(KindlingBotChart.MINIMAL_VALUES));
		}

		@Test
		void budgetCanBeLeftOut() {
			Manifests manifests = ScaleOutModesTests.this.chart.renderWith(HANDOVER + "podDisruptionBudget: {enabled: false}");
			assertThat(manifests.all(PodDisruptionBudget.class)).isEmpty();
		}

	}

	@Nested
	class Balanced {

		Manifests manifests;

		@BeforeEach
		void render() {
			this.manifests = ScaleOutModesTests.this.chart.renderWith(BALANCED);
		}

		@Test
		void rendersAStatefulSetItsHeadlessServiceAndItsBudgetButNoDeployment() {
			assertThat(kinds(this.manifests)).containsExactlyInAnyOrder("Secret", "Service", "Service", "StatefulSet",
					"PodDisruptionBudget");
			assertThat(this.manifests.all(Deployment.class)).isEmpty();
		}

		@Test
		void runsComponentNumberReplicasAndOneSpareStartedInParallel() {
			StatefulSet statefulSet = this.manifests.statefulSet();
			assertThat(statefulSet.getMetadata().getName()).isEqualTo("echo-kindling-bot");
			assertThat(statefulSet.getSpec().getReplicas()).as("component_number 3 + 1 spare").isEqualTo(4);
			assertThat(statefulSet.getSpec().getPodManagementPolicy()).isEqualTo("Parallel");
			assertThat(statefulSet.getSpec().getUpdateStrategy().getType()).isEqualTo("RollingUpdate");
			assertThat(statefulSet.getSpec().getVolumeClaimTemplates()).isNullOrEmpty();
			assertThat(statefulSet.getSpec().getTemplate().getMetadata().getLabels())
				.containsAllEntriesOf(statefulSet.getSpec().getSelector().getMatchLabels());
		}

		@Test
		void sparesAreReplicasBeyondComponentNumber() {
			assertThat(ScaleOutModesTests.this.chart.renderWith(BALANCED, "{replicaCount: 3, balanced: {spares: 0}}")
				.statefulSet()
				.getSpec()
				.getReplicas()).isEqualTo(3);
			assertThat(ScaleOutModesTests.this.chart.renderWith(BALANCED, "{replicaCount: 5, balanced: {spares: 2}}")
				.statefulSet()
				.getSpec()
				.getReplicas()).isEqualTo(5);
		}

		@Test
		void headlessServiceGovernsTheStatefulSetAndNamesNotReadyReplicasToo() {
			Service headless = this.manifests.headlessService();
			StatefulSet statefulSet = this.manifests.statefulSet();
			assertThat(statefulSet.getSpec().getServiceName()).isEqualTo(headless.getMetadata().getName())
				.isEqualTo("echo-kindling-bot-headless");
			assertThat(headless.getSpec().getClusterIP()).isEqualTo("None");
			assertThat(headless.getSpec().getPublishNotReadyAddresses()).isTrue();
			assertThat(headless.getSpec().getSelector()).isEqualTo(statefulSet.getSpec().getSelector().getMatchLabels());
			assertThat(this.manifests.service().getSpec().getClusterIP()).as("the management Service stays as it is")
				.isNull();
		}

		@Test
		void instanceIsThePodNameAndBalancingTheServersType() {
			EnvVar instance = this.manifests.env("XMPP_COMPONENT_INSTANCE");
			assertThat(instance.getValue()).isNull();
			assertThat(instance.getValueFrom().getFieldRef().getFieldPath()).isEqualTo("metadata.name");
			assertThat(this.manifests.env("XMPP_COMPONENT_BALANCING").getValue()).isEqualTo("bare-source");
			Manifests destination = ScaleOutModesTests.this.chart.renderWith(BALANCED,
					"balanced: {balancing: bare-destination}");
			assertThat(destination.env("XMPP_COMPONENT_BALANCING").getValue()).isEqualTo("bare-destination");
			assertThat(PodEnvironment.of(destination, "echo-kindling-bot-2"))
				.containsEntry("XMPP_COMPONENT_INSTANCE", "echo-kindling-bot-2");
		}

		@Test
		void budgetLetsOneReplicaGoAtATime() {
			PodDisruptionBudget budget = this.manifests.podDisruptionBudget();
			assertThat(budget.getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1);
			assertThat(budget.getSpec().getMinAvailable()).isNull();
			assertThat(budget.getSpec().getUnhealthyPodEvictionPolicy()).isEqualTo("AlwaysAllow");
			assertSelectsThePods(budget, this.manifests);
			assertThat(ScaleOutModesTests.this.chart.renderWith(BALANCED, "podDisruptionBudget: {maxUnavailable: 2}")
				.podDisruptionBudget().getSpec().getMaxUnavailable().getIntVal()).isEqualTo(2);
		}

		@Test
		void probesAsInModeSingle() {
			assertSameProbes(this.manifests, ScaleOutModesTests.this.chart.render(KindlingBotChart.MINIMAL_VALUES));
		}

		@Test
		void serviceMonitorScrapesEveryReplicaOnceThroughTheManagementService() {
			Manifests manifests = ScaleOutModesTests.this.chart.renderWith(BALANCED, "serviceMonitor: {enabled: true}");
			GenericKubernetesResource monitor = manifests.ofKind("ServiceMonitor").get(0);
			Map<String, Object> selector = monitor.get("spec", "selector");
			assertThat(selects(selector, manifests.service().getMetadata().getLabels())).isTrue();
			assertThat(selects(selector, manifests.headlessService().getMetadata().getLabels())).isFalse();
		}

		@SuppressWarnings("unchecked")
		private static boolean selects(Map<String, Object> selector, Map<String, String> labels) {
			Map<String, String> matchLabels = (Map<String, String>) selector.getOrDefault("matchLabels", Map.of());
			if (!labels.entrySet().containsAll(matchLabels.entrySet())) {
				return false;
			}
			for (Map<String, Object> expression : (List<Map<String, Object>>) selector.getOrDefault("matchExpressions",
					List.of())) {
				boolean present = labels.containsKey((String) expression.get("key"));
				boolean matches = switch ((String) expression.get("operator")) {
					case "Exists" -> present;
					case "DoesNotExist" -> !present;
					default -> throw new IllegalArgumentException("Operator not evaluated here: " + expression);
				};
				if (!matches) {
					return false;
				}
			}
			return true;
		}

	}

	@Nested
	class Shutdown {

		@Test
		void drainOfTenSecondsAfterAPreStopSleepOfTwoInAGracePeriodOfTwentyTwo() {
			Manifests manifests = ScaleOutModesTests.this.chart.render(KindlingBotChart.MINIMAL_VALUES);
			assertThat(manifests.env("XMPP_COMPONENT_SHUTDOWNTIMEOUT").getValue()).isEqualTo("10s");
			assertThat(manifests.container().getLifecycle().getPreStop().getSleep().getSeconds()).isEqualTo(2);
			assertThat(manifests.container().getLifecycle().getPreStop().getExec()).as("no shell needed in the image")
				.isNull();
			assertThat(manifests.podTemplate().getSpec().getTerminationGracePeriodSeconds()).isEqualTo(22);
		}

		@ParameterizedTest
		@ValueSource(strings = { "single", "handover", "balanced" })
		void oneValueMovesTheDrainThePreStopAndTheGracePeriodInEveryMode(String mode) {
			Manifests manifests = ScaleOutModesTests.this.chart.renderWith(valuesOf(mode),
					"shutdown: {timeoutSeconds: 45, preStopSeconds: 5, marginSeconds: 7}");
			Container container = manifests.container();
			assertThat(manifests.env("XMPP_COMPONENT_SHUTDOWNTIMEOUT").getValue()).isEqualTo("45s");
			assertThat(container.getLifecycle().getPreStop().getSleep().getSeconds()).isEqualTo(5);
			assertThat(manifests.podTemplate().getSpec().getTerminationGracePeriodSeconds()).isEqualTo(5 + 45 + 7);
		}

		@Test
		void noPreStopHookWithoutASleep() {
			Manifests manifests = ScaleOutModesTests.this.chart.renderWith("shutdown: {preStopSeconds: 0}");
			assertThat(manifests.container().getLifecycle()).isNull();
			assertThat(manifests.podTemplate().getSpec().getTerminationGracePeriodSeconds()).isEqualTo(20);
		}

		@Test
		void aGracePeriodOfYourOwnIsKeptWhenItOutlastsTheDrain() {
			PodSpec pod = ScaleOutModesTests.this.chart.renderWith("terminationGracePeriodSeconds: 30").podTemplate()
				.getSpec();
			assertThat(pod.getTerminationGracePeriodSeconds()).isEqualTo(30);
			assertThat(ScaleOutModesTests.this.chart.renderWith("terminationGracePeriodSeconds: 13").podTemplate()
				.getSpec()
				.getTerminationGracePeriodSeconds()).isEqualTo(13);
		}

	}

	@Nested
	class Refused {

		@Test
		void unknownModeByTheSchema() {
			assertRefused("mode: active-active", "at '/mode': value must be one of 'single', 'handover', 'balanced'");
		}

		@Test
		void unknownModeByTheTemplatesWhenTheSchemaIsSkipped() throws Exception {
			Path copy = KindlingBotChart.copyChart(KindlingBotChart.chartDir(), ScaleOutModesTests.this.scratch.resolve("no-schema"));
			Files.delete(copy.resolve("values.schema.json"));
			KindlingBotChart withoutSchema = new KindlingBotChart(copy, ScaleOutModesTests.this.scratch);
			assertThatIllegalStateException()
				.isThrownBy(() -> withoutSchema.render(KindlingBotChart.MINIMAL_VALUES, "mode: active-active"))
				.withMessageContaining("mode is \"active-active\", but it must be single, handover or balanced.");
			assertThatIllegalStateException()
				.isThrownBy(() -> withoutSchema.render(KindlingBotChart.MINIMAL_VALUES, BALANCED,
						"balanced: {balancing: bare_source}"))
				.withMessageContaining("balanced.balancing is \"bare_source\", but it must be bare-source or bare-destination");
		}

		@Test
		void handoverWithTwoReplicas() {
			assertRefused(HANDOVER + "replicaCount: 2",
					"replicaCount is 2, but mode handover runs exactly one active replica: the server holds one session for echo.example.com",
					"use mode: balanced");
		}

		@Test
		void handoverWithoutReplica() {
			assertRefused(HANDOVER + "replicaCount: 0", "replicaCount is 0, but mode handover runs exactly one active replica");
		}

		@Test
		void balancedWithoutComponentNumber() {
			assertRefused("{mode: balanced, replicaCount: 2, balanced: {balancing: bare-source}}",
					"balanced.componentNumber is required in mode balanced: the component_number of ejabberd's domain_balancing entry for echo.example.com (the active replicas); replicaCount (2) must be componentNumber + balanced.spares (1).");
		}

		@Test
		void balancedWithReplicasOtherThanComponentNumberPlusSpares() {
			assertRefused("{mode: balanced, replicaCount: 3, balanced: {componentNumber: 3, balancing: bare-source}}",
					"replicaCount is 3, but mode balanced runs balanced.componentNumber (3) active replicas plus balanced.spares (1) spares: set replicaCount to 4.",
					"a slot without a replica drops its stanzas silently until a replica takes it");
			assertRefused("{mode: balanced, replicaCount: 2, balanced: {componentNumber: 3, balancing: bare-source, spares: 0}}",
					"replicaCount is 2, but mode balanced runs balanced.componentNumber (3) active replicas plus balanced.spares (0) spares: set replicaCount to 3.");
			assertRefused("{mode: balanced, replicaCount: 4, balanced: {componentNumber: 3, balancing: bare-source, spares: 2}}",
					"set replicaCount to 5");
		}

		@Test
		void balancedWithNegativeSpares() {
			assertRefused("{mode: balanced, replicaCount: 2, balanced: {componentNumber: 3, balancing: bare-source, spares: -1}}",
					"at '/balanced/spares': minimum: got -1, want 0");
		}

		@Test
		void balancedWithComponentNumberEjabberdRefuses() {
			assertRefused("{mode: balanced, replicaCount: 2, balanced: {componentNumber: 1, balancing: bare-source}}",
					"at '/balanced/componentNumber': minimum: got 1, want 2");
			assertRefused("{mode: balanced, replicaCount: 1002, balanced: {componentNumber: 1001, balancing: bare-source}}",
					"at '/balanced/componentNumber': maximum: got 1,001, want 1,000");
		}

		@Test
		void balancedWithoutBalancing() {
			assertRefused("{mode: balanced, replicaCount: 3, balanced: {componentNumber: 2}}",
					"balanced.balancing is required in mode balanced: bare-source or bare-destination, as the type of ejabberd's domain_balancing entry for echo.example.com (bare_source or bare_destination).");
		}

		@Test
		void balancedWithAnotherBalancing() {
			assertRefused("{mode: balanced, replicaCount: 4, balanced: {componentNumber: 3, balancing: bare_source}}",
					"at '/balanced/balancing': value must be one of 'bare-source', 'bare-destination'");
			assertRefused("{mode: balanced, replicaCount: 4, balanced: {componentNumber: 3, balancing: source}}",
					"at '/balanced/balancing': value must be one of 'bare-source', 'bare-destination'");
		}

		@Test
		void multipleSessionsPerDomainOutsideModeSingle() {
			assertRefused(HANDOVER + "server: {multipleSessionsPerDomain: true}",
					"server.multipleSessionsPerDomain applies to mode single only, and mode is handover: remove it.");
		}

		@Test
		void gracePeriodThatEndsInTheDrain() {
			assertRefused("terminationGracePeriodSeconds: 12",
					"terminationGracePeriodSeconds is 12, but it must be longer than shutdown.preStopSeconds + shutdown.timeoutSeconds (2 + 10 = 12)");
			assertRefused("{terminationGracePeriodSeconds: 30, shutdown: {timeoutSeconds: 30}}",
					"terminationGracePeriodSeconds is 30, but it must be longer than shutdown.preStopSeconds + shutdown.timeoutSeconds (2 + 30 = 32)");
		}

		@ParameterizedTest
		@ValueSource(strings = { "xmpp.component.shutdown-timeout", "xmpp.component.shutdownTimeout",
				"xmpp.component.balancing", "xmpp.component.instance" })
		void springPropertiesTheChartSets(String property) {
			assertRefused("springProperties: {" + property + ": x}",
					"springProperties sets " + property + ", which the chart sets itself: ");
		}

		@Test
		void nestedSpringPropertiesTheChartSets() {
			// What --set springProperties.xmpp.component.balancing=… gives.
			assertRefused("springProperties: {xmpp: {component: {balancing: bare-source, ping-interval: 15s}}}",
					"springProperties sets xmpp.component.balancing, which the chart sets itself: set mode and balanced.balancing instead");
			assertThat(ScaleOutModesTests.this.chart.renderWith("springProperties: {xmpp: {component: {ping-interval: 15s}}}")
				.env("SPRING_APPLICATION_JSON")
				.getValue()).isEqualTo("{\"xmpp\":{\"component\":{\"ping-interval\":\"15s\"}}}");
		}

		@ParameterizedTest
		@ValueSource(strings = { "XMPP_COMPONENT_SHUTDOWNTIMEOUT", "XMPP_COMPONENT_SHUTDOWN_TIMEOUT",
				"XMPP_COMPONENT_BALANCING", "XMPP_COMPONENT_INSTANCE" })
		void environmentVariablesTheChartSets(String name) {
			assertRefused(BALANCED + "env: [{name: " + name + ", value: x}]",
					"env sets " + name + ", which the chart sets itself: ");
		}

		@Test
		void messagesSayWhatToSetInstead() {
			assertRefused("springProperties: {xmpp.component.shutdown-timeout: 30s}",
					"set shutdown.timeoutSeconds instead, from which the grace period and the preStop hook are derived");
			assertRefused("springProperties: {xmpp.component.balancing: bare-source}",
					"set mode and balanced.balancing instead");
			assertRefused("env: [{name: XMPP_COMPONENT_INSTANCE, value: bot-0}]",
					"remove it, every pod's instance is its own pod name");
		}

		private void assertRefused(String values, String... messages) {
			var thrown = assertThatIllegalStateException()
				.isThrownBy(() -> ScaleOutModesTests.this.chart.renderWith(values));
			for (String message : messages) {
				thrown.withMessageContaining(message);
			}
		}

	}

	@ParameterizedTest
	@ValueSource(strings = { "single", "handover", "balanced" })
	void lintsCleanInStrictModeInEveryMode(String mode) {
		KindlingBotChart copy = this.chart.copyWithDefaults(switch (mode) {
			case "single" -> Map.of();
			case "handover" -> Map.of("mode: single\n", "mode: handover\n");
			case "balanced" -> Map.of("mode: single\n", "mode: balanced\n", "replicaCount: 1\n", "replicaCount: 3\n",
					"balanced: {}\n", "balanced: {componentNumber: 2, balancing: bare-destination}\n");
			default -> throw new IllegalArgumentException(mode);
		});
		LintResult result = copy.lintStrict();
		assertThat(result.isFailed()).as("%s", result.getMessages()).isFalse();
		assertThat(result.getMessages()).noneMatch((message) -> message.startsWith("[WARNING]"))
			.noneMatch((message) -> message.startsWith("[ERROR]"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "single", "handover", "balanced" })
	void everyRenderedFieldIsOneKubernetesKnows(String mode) {
		Manifests manifests = this.chart.renderWith(valuesOf(mode), """
				serviceMonitor: {enabled: true}
				resources: {requests: {cpu: 100m, memory: 256Mi}}
				""");
		assertThat(UnknownFields.of(manifests.objects())).isEmpty();
		// The check finds a misspelled field where the chart passes values through.
		Manifests misspelled = this.chart.renderWith(valuesOf(mode), "env: [{name: A, valeu: b}]");
		assertThat(UnknownFields.of(misspelled.objects())).singleElement()
			.satisfies((field) -> assertThat(field).endsWith("/template/spec/containers[0]/env[" + envIndex(misspelled, "A")
					+ "]: [valeu]"));
	}

	private static int envIndex(Manifests manifests, String name) {
		return manifests.container().getEnv().stream().map(EnvVar::getName).toList().indexOf(name);
	}

	private static List<String> kinds(Manifests manifests) {
		return manifests.objects().stream().map(HasMetadata::getKind).toList();
	}

	private static void assertSelectsThePods(PodDisruptionBudget budget, Manifests manifests) {
		assertThat(budget.getSpec().getSelector().getMatchLabels()).isNotEmpty()
			.containsEntry("app.kubernetes.io/instance", "echo");
		assertThat(manifests.podTemplate().getMetadata().getLabels())
			.containsAllEntriesOf(budget.getSpec().getSelector().getMatchLabels());
	}

	private static void assertSameProbes(Manifests manifests, Manifests single) {
		Container container = manifests.container();
		Container reference = single.container();
		assertThat(container.getStartupProbe()).isEqualTo(reference.getStartupProbe());
		assertThat(container.getLivenessProbe()).isEqualTo(reference.getLivenessProbe());
		assertThat(container.getReadinessProbe()).isEqualTo(reference.getReadinessProbe());
		assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/readiness");
		assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/liveness");
	}

}
