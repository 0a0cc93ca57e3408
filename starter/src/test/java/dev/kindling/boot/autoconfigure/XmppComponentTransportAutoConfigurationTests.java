package dev.kindling.boot.autoconfigure;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.kindling.connection.ComponentConnection;
import dev.kindling.connection.ComponentTransport;
import dev.kindling.connection.ConnectionState;
import dev.kindling.test.InMemoryTransport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The wire is a bean: TCP by default, and a bean of another transport replaces only the wire. */
class XmppComponentTransportAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(XmppComponentAutoConfiguration.class, XmppAnswersAutoConfiguration.class))
		.withPropertyValues("xmpp.component.domain=bot.example.com", "xmpp.component.secret=s3cret",
				"xmpp.component.host=127.0.0.1", "xmpp.component.port=" + XmppComponentAutoConfigurationTests.CLOSED_PORT,
				"xmpp.component.shutdown-timeout=1s");

	@Test
	void theWireIsTcpByDefault() {
		this.runner.run((context) -> assertThat(context).getBean(ComponentTransport.class)
			.isSameAs(ComponentTransport.TCP));
	}

	@Test
	void aTransportBeanReplacesTheWireUnderTheAutoConfiguredConnection() {
		this.runner.withUserConfiguration(InMemoryWire.class).run((context) -> {
			assertThat(context).hasSingleBean(ComponentTransport.class).hasSingleBean(ComponentConnection.class);
			InMemoryTransport wire = context.getBean(InMemoryTransport.class);
			ComponentConnection connection = context.getBean(ComponentConnection.class);
			await().atMost(Duration.ofSeconds(5)).until(() -> connection.getState() == ConnectionState.CONNECTED);
			assertThat(wire.isOpen()).isTrue();
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class InMemoryWire {

		@Bean
		InMemoryTransport inMemoryTransport() {
			return new InMemoryTransport();
		}

	}

}
