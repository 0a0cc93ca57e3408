package dev.kindling.boot.autoconfigure;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.test.util.ReflectionTestUtils;

import dev.kindling.boot.actuate.info.XmppInfoContributor;
import dev.kindling.boot.actuate.info.XmppInfoContributorAutoConfiguration;
import dev.kindling.boot.actuate.metrics.XmppMetricsAutoConfiguration;
import dev.kindling.boot.actuate.metrics.XmppReplicaMetrics;
import dev.kindling.connection.ComponentConnection;
import dev.kindling.dispatch.StanzaDispatcher;
import dev.kindling.muc.MucRooms;
import dev.kindling.muc.RoomPlacement;
import dev.kindling.replica.Balancing;
import dev.kindling.replica.Replica;
import dev.kindling.replica.ReplicaHealth;
import dev.kindling.replica.ReplicaRoomPlacement;
import dev.kindling.replica.ReplicaStanzaListener;
import dev.kindling.template.DefaultXmppTemplate;

import static dev.kindling.boot.autoconfigure.XmppComponentAutoConfigurationTests.assertInvalidProperty;
import static dev.kindling.boot.autoconfigure.XmppComponentAutoConfigurationTests.causeOfType;
import static org.assertj.core.api.Assertions.assertThat;

class XmppReplicaAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(XmppComponentAutoConfiguration.class, XmppAnswersAutoConfiguration.class,
				XmppMucAutoConfiguration.class))
		.withPropertyValues("xmpp.component.host=127.0.0.1",
				"xmpp.component.port=" + XmppComponentAutoConfigurationTests.CLOSED_PORT,
				"xmpp.component.shutdown-timeout=1s", "xmpp.component.domain=bot.example.com",
				"xmpp.component.secret=s3cret");

	@Test
	void withoutBalancingNothingIsInstalled() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(Replica.class).doesNotHaveBean(ReplicaHealth.class);
			// The stream hands stanzas straight to the dispatcher: no extra step on the hot path.
			assertThat(listener(context.getBean(ComponentConnection.class))).isSameAs(context.getBean(StanzaDispatcher.class));
			assertThat(context.getBean(DefaultXmppTemplate.class).nextId()).startsWith("k");
			assertThat(ReflectionTestUtils.getField(context.getBean(MucRooms.class), "placement")).isSameAs(RoomPlacement.HERE);
		});
	}

	@Test
	void balancingInstallsTheReplica() {
		this.runner
			.withPropertyValues("xmpp.component.balancing=bare-source", "xmpp.component.instance=bot-1",
					"xmpp.component.probe-timeout=500ms")
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(Replica.class).hasSingleBean(ReplicaHealth.class);
				Replica replica = context.getBean(Replica.class);
				assertThat(replica.instance()).isEqualTo("bot-1");
				assertThat(replica.balancing()).isEqualTo(Balancing.BARE_SOURCE);
				assertThat(replica.settings().probeTimeout()).isEqualTo(Duration.ofMillis(500));
				assertThat(listener(context.getBean(ComponentConnection.class))).isInstanceOf(ReplicaStanzaListener.class);
				assertThat(ReflectionTestUtils.getField(context.getBean(MucRooms.class), "placement"))
					.isInstanceOf(ReplicaRoomPlacement.class);
			});
	}

	@Test
	void metricsAndInfoNameTheReplica() {
		this.runner
			.withConfiguration(AutoConfigurations.of(XmppMetricsAutoConfiguration.class,
					XmppInfoContributorAutoConfiguration.class))
			.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.withPropertyValues("xmpp.component.balancing=bare-destination", "xmpp.component.instance=bot-2")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				// Boot's metrics auto-configuration binds every MeterBinder bean; this runner has none of it.
				context.getBean(XmppReplicaMetrics.class).bindTo(registry);
				assertThat(registry.get("xmpp.replica.slot").tag("replica", "bot-2").tag("state", "disconnected").gauge().value())
					.isEqualTo(1);
				assertThat(registry.get("xmpp.replica.forwards").tag("direction", "out").functionCounter().count()).isZero();
				assertThat(registry.get("xmpp.replica.slot").tag("replica", "bot-2").tag("state", "spare").gauge().value())
					.isZero();
				assertThat(registry.get("xmpp.replica.spare.probes").tag("replica", "bot-2").functionCounter().count())
					.isZero();
				Info.Builder info = new Info.Builder();
				context.getBean(XmppInfoContributor.class).contribute(info);
				assertThat(info.build().get("xmpp")).asInstanceOf(InstanceOfAssertFactories.MAP)
					.extractingByKey("replica")
					.asInstanceOf(InstanceOfAssertFactories.MAP)
					.containsEntry("instance", "bot-2")
					.containsEntry("balancing", "bare_destination")
					.containsEntry("slot", "DISCONNECTED");
			});
	}

	@Test
	void theInstanceDefaultsToTheHostName() {
		this.runner.withPropertyValues("xmpp.component.balancing=BARE_DESTINATION").run((context) -> {
			assertThat(context).hasNotFailed();
			Replica replica = context.getBean(Replica.class);
			assertThat(replica.balancing()).isEqualTo(Balancing.BARE_DESTINATION);
			assertThat(replica.instance()).isNotBlank().isEqualTo(XmppComponentAutoConfiguration
				.instanceName(context.getBean(XmppComponentProperties.class)));
		});
	}

	@Test
	void anUnknownBalancingFailsNamingTheProperty() {
		this.runner.withPropertyValues("xmpp.component.balancing=round-robin").run((context) -> {
			assertThat(context).hasFailed();
			BindException failure = causeOfType(context.getStartupFailure(), BindException.class);
			assertThat(failure.getProperty().getName()).hasToString("xmpp.component.balancing");
		});
	}

	@Test
	void aBlankInstanceFailsNamingTheProperty() {
		this.runner.withPropertyValues("xmpp.component.balancing=bare-source", "xmpp.component.instance= ")
			.run((context) -> assertInvalidProperty(context.getStartupFailure(), "xmpp.component.instance"));
	}

	@Test
	void aProbeTimeoutThatIsNotPositiveFailsNamingTheProperty() {
		this.runner.withPropertyValues("xmpp.component.balancing=bare-source", "xmpp.component.probe-timeout=0s")
			.run((context) -> assertInvalidProperty(context.getStartupFailure(), "xmpp.component.probe-timeout"));
	}

	private static Object listener(ComponentConnection connection) {
		return ReflectionTestUtils.getField(connection, "listener");
	}

}
