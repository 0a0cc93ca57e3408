package dev.kindling.boot.actuate.metrics;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xmpp.packet.IQ;
import org.xmpp.packet.Message;
import org.xmpp.packet.PacketError;
import org.xmpp.packet.Presence;

import dev.kindling.ErrorCondition;
import dev.kindling.XmppErrorException;
import dev.kindling.boot.actuate.ClosedPort;
import dev.kindling.boot.autoconfigure.XmppComponentAutoConfiguration;
import dev.kindling.connection.ConnectionState;
import dev.kindling.handler.Body;
import dev.kindling.handler.HandlerRegistry;
import dev.kindling.handler.MessageType;
import dev.kindling.handler.OnMessage;
import dev.kindling.handler.StanzaHandler;
import dev.kindling.observe.DropReason;
import dev.kindling.observe.HandlerOutcome;
import dev.kindling.observe.RequestOutcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class XmppMetricsAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
				SimpleMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
				XmppComponentAutoConfiguration.class, XmppMetricsAutoConfiguration.class))
		.withPropertyValues(ClosedPort.componentProperties());

	@Test
	void countsStanzasByKindAndType() {
		this.runner.run((context) -> {
			XmppStanzaMetrics metrics = context.getBean(XmppStanzaMetrics.class);
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			Message chat = new Message();
			chat.setType(Message.Type.chat);
			metrics.received(chat);
			metrics.received(chat);
			metrics.received(new Presence());
			metrics.sent(new IQ(IQ.Type.result));

			assertThat(count(registry, "xmpp.stanzas.received", "message", "chat")).isEqualTo(2);
			assertThat(count(registry, "xmpp.stanzas.received", "presence", "available")).isEqualTo(1);
			assertThat(count(registry, "xmpp.stanzas.received", "message", "normal")).isZero();
			assertThat(count(registry, "xmpp.stanzas.sent", "iq", "result")).isEqualTo(1);
		});
	}

	@Test
	void countsStanzaErrorsSentByCondition() {
		this.runner.run((context) -> {
			XmppStanzaMetrics metrics = context.getBean(XmppStanzaMetrics.class);
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			IQ error = new IQ(IQ.Type.error);
			error.setError(PacketError.Condition.item_not_found);
			metrics.sent(error);
			Message bounce = new Message();
			bounce.setType(Message.Type.error);
			bounce.setError(PacketError.Condition.service_unavailable);
			metrics.sent(bounce);

			assertThat(registry.get("xmpp.stanza.errors.sent").tag("condition", "item-not-found").counter().count())
				.isEqualTo(1);
			assertThat(registry.get("xmpp.stanza.errors.sent").tag("condition", "service-unavailable").counter().count())
				.isEqualTo(1);
			assertThat(count(registry, "xmpp.stanzas.sent", "iq", "error")).isEqualTo(1);
		});
	}

	@Test
	void countsDropsAndTimesRequestsByOutcome() {
		this.runner.run((context) -> {
			XmppStanzaMetrics metrics = context.getBean(XmppStanzaMetrics.class);
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			metrics.dropped(new Message(), DropReason.OVERLOAD);
			metrics.requestCompleted(new IQ(IQ.Type.get), TimeUnit.SECONDS.toNanos(10), RequestOutcome.TIMEOUT);

			assertThat(registry.get("xmpp.stanzas.dropped").tag("reason", "overload").counter().count()).isEqualTo(1);
			assertThat(registry.get("xmpp.stanzas.dropped").tag("reason", "connection-lost").counter().count()).isZero();
			Timer timeouts = registry.get("xmpp.requests").tag("outcome", "timeout").timer();
			assertThat(timeouts.count()).isEqualTo(1);
			assertThat(timeouts.totalTime(TimeUnit.SECONDS)).isEqualTo(10);
		});
	}

	@Test
	void timesHandlersByMethodAndOutcome() {
		this.runner.withUserConfiguration(HandlerConfiguration.class).run((context) -> {
			XmppStanzaMetrics metrics = context.getBean(XmppStanzaMetrics.class);
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			StanzaHandler handler = context.getBean(HandlerRegistry.class).handlers().get(0);
			metrics.handled(handler, new Message(), 1_000_000, null);
			metrics.handled(handler, new Message(), 1_000_000, null);
			metrics.handled(handler, new Message(), 1_000_000,
					new XmppErrorException(PacketError.Condition.resource_constraint, "busy"));
			metrics.handled(handler, new Message(), 1_000_000, new IllegalStateException("boom"));
			// The sender's mistakes: a client-side condition, or what an exception handler answered.
			metrics.handled(handler, new Message(), 1_000_000, new XmppErrorException(ErrorCondition.NOT_ALLOWED, "no"));
			metrics.handled(handler, new Message(), 1_000_000, HandlerOutcome.REJECTED, new IllegalStateException("taken"));

			String name = "XmppMetricsAutoConfigurationTests.Handlers.echo(String)";
			assertThat(registry.get("xmpp.handler.duration").tags("handler", name, "outcome", "success").timer().count())
				.isEqualTo(2);
			assertThat(registry.get("xmpp.handler.duration").tags("handler", name, "outcome", "error").timer().count())
				.isEqualTo(1);
			assertThat(registry.get("xmpp.handler.duration").tags("handler", name, "outcome", "failure").timer().count())
				.isEqualTo(1);
			assertThat(registry.get("xmpp.handler.duration").tags("handler", name, "outcome", "rejected").timer().count())
				.isEqualTo(2);
		});
	}

	@Test
	void gaugesTheConnectionAndTheDispatchQueue() {
		this.runner.run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("xmpp.connection.state").gauges()).hasSize(ConnectionState.values().length);
			assertThat(registry.get("xmpp.connection.state").tag("state", "standby").gauge().value()).isZero();
			assertThat(registry.get("xmpp.connection.state").tag("state", "connected").gauge().value()).isZero();
			// Each gauge reads the state on its own; the connection may move between two reads.
			await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(
					registry.get("xmpp.connection.state").gauges().stream().mapToDouble((gauge) -> gauge.value()).sum())
				.isEqualTo(1));
			assertThat(registry.get("xmpp.connection.reconnects").functionCounter().count()).isZero();
			assertThat(registry.get("xmpp.dispatch.queued").gauge().value()).isZero();
			assertThat(registry.get("xmpp.dispatch.active.senders").gauge().value()).isZero();
			assertThat(registry.get("xmpp.ping.rtt").timeGauge().value()).isNaN();
		});
	}

	@Test
	void everyMeterHasADescriptionAndNoAddressTag() {
		this.runner.withUserConfiguration(HandlerConfiguration.class).run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			StanzaHandler handler = context.getBean(HandlerRegistry.class).handlers().get(0);
			context.getBean(XmppStanzaMetrics.class).handled(handler, new Message(), 1, null);
			assertThat(registry.getMeters()).filteredOn((meter) -> meter.getId().getName().startsWith("xmpp."))
				.hasSizeGreaterThan(50)
				.allSatisfy((meter) -> {
					Meter.Id id = meter.getId();
					assertThat(id.getDescription()).as(id.getName()).isNotBlank();
					assertThat(id.getTags()).noneMatch((tag) -> tag.getValue().contains("@"));
				});
		});
	}

	@Test
	void offWithoutAMeterRegistry() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(XmppComponentAutoConfiguration.class, XmppMetricsAutoConfiguration.class))
			.withPropertyValues(ClosedPort.componentProperties())
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(XmppStanzaMetrics.class)
				.doesNotHaveBean(XmppComponentMetrics.class));
	}

	@Test
	void backsOffForMetricsOfTheApplicationsOwn() {
		this.runner.withUserConfiguration(OwnMetricsConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(XmppStanzaMetrics.class);
			assertThat(context.getBean(XmppStanzaMetrics.class)).isSameAs(context.getBean("ownMetrics"));
		});
	}

	private static double count(MeterRegistry registry, String name, String kind, String type) {
		return registry.get(name).tags("kind", kind, "type", type).counter().count();
	}

	@Configuration(proxyBeanMethods = false)
	static class HandlerConfiguration {

		@Bean
		Handlers handlers() {
			return new Handlers();
		}

	}

	static class Handlers {

		@OnMessage(type = MessageType.CHAT)
		String echo(@Body String body) {
			return body;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnMetricsConfiguration {

		@Bean
		XmppStanzaMetrics ownMetrics(MeterRegistry registry) {
			return new XmppStanzaMetrics(registry);
		}

	}

}
