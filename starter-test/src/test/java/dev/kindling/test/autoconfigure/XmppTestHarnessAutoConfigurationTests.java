package dev.kindling.test.autoconfigure;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.xmpp.packet.IQ;

import dev.kindling.boot.autoconfigure.XmppAnswersAutoConfiguration;
import dev.kindling.boot.autoconfigure.XmppComponentAutoConfiguration;
import dev.kindling.boot.autoconfigure.XmppConnectionDetails;
import dev.kindling.connection.ComponentConnectedEvent;
import dev.kindling.connection.ComponentConnection;
import dev.kindling.test.InMemoryTransport;
import dev.kindling.test.Stanzas;
import dev.kindling.test.XmppTestHarness;

import static org.assertj.core.api.Assertions.assertThat;

class XmppTestHarnessAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(XmppTestHarnessAutoConfiguration.class,
				XmppComponentAutoConfiguration.class, XmppAnswersAutoConfiguration.class));

	@Test
	void replacesTheWireAndConnectsInMemory() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(XmppTestHarness.class).hasSingleBean(InMemoryTransport.class)
				.hasSingleBean(ComponentConnection.class);
			assertThat(context.getBean(XmppConnectionDetails.class).domain()).isEqualTo("bot.test");
			XmppTestHarness harness = context.getBean(XmppTestHarness.class);
			IQ ping = Stanzas.iqGet("alice@localhost/a", "bot.test", "<ping xmlns='urn:xmpp:ping'/>");
			assertThat(harness.send(ping)).singleIq().isResult().hasId(ping.getID());
			assertThat(context.getBean(InMemoryTransport.class).streamsOpened()).isEqualTo(1);
		});
	}

	@Test
	void takesTheDomainFromItsProperty() {
		this.runner.withPropertyValues("xmpp.test.domain=dice.test").run((context) -> {
			assertThat(context.getBean(ComponentConnection.class).getEndpoint().domain()).isEqualTo("dice.test");
			assertThat(context.getBean(XmppTestHarness.class).componentJid().toString()).isEqualTo("dice.test");
		});
	}

	@Test
	void aBadDomainFailsStartupNamingTheProperty() {
		this.runner.withPropertyValues("xmpp.test.domain=bot@test").run((context) -> assertThat(context).hasFailed()
			.getFailure().rootCause().isInstanceOf(InvalidConfigurationPropertyValueException.class)
			.hasMessageContaining("xmpp.test.domain"));
	}

	@Test
	void aNonPositiveTimeoutFailsStartupNamingTheProperty() {
		this.runner.withPropertyValues("xmpp.test.timeout=0s").run((context) -> assertThat(context).hasFailed()
			.getFailure().rootCause().isInstanceOf(InvalidConfigurationPropertyValueException.class)
			.hasMessageContaining("xmpp.test.timeout"));
	}

	@Test
	void connectionEventsReachListeners() {
		this.runner.withUserConfiguration(ConnectListener.class).run((context) -> {
			context.getBean(XmppTestHarness.class).reconnect();
			assertThat(context.getBean(ConnectListener.class).connects).isEqualTo(2);
		});
	}

	@Test
	void backsOffForAHarnessOfTheUsers() {
		this.runner.withUserConfiguration(OwnTransport.class).run((context) -> assertThat(context)
			.getBean(InMemoryTransport.class).isSameAs(context.getBean(OwnTransport.class).transport));
	}

	@Configuration(proxyBeanMethods = false)
	static class ConnectListener {

		volatile int connects;

		@EventListener
		void connected(ComponentConnectedEvent event) {
			this.connects++;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnTransport {

		final InMemoryTransport transport = new InMemoryTransport();

		@Bean
		InMemoryTransport myTransport() {
			return this.transport;
		}

	}

}
