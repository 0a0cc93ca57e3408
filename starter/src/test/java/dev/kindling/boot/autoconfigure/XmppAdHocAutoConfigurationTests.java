package dev.kindling.boot.autoconfigure;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xmpp.packet.JID;

import dev.kindling.adhoc.AdHocCommand;
import dev.kindling.adhoc.AdHocCommands;
import dev.kindling.adhoc.CommandRequest;
import dev.kindling.adhoc.CommandStep;
import dev.kindling.disco.DiscoHandlers;

import static org.assertj.core.api.Assertions.assertThat;

class XmppAdHocAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(XmppComponentAutoConfiguration.class, XmppAnswersAutoConfiguration.class,
				XmppAdHocAutoConfiguration.class))
		.withPropertyValues("xmpp.component.host=127.0.0.1",
				"xmpp.component.port=" + XmppComponentAutoConfigurationTests.CLOSED_PORT,
				"xmpp.component.shutdown-timeout=1s", "xmpp.component.domain=bot.example.com",
				"xmpp.component.secret=s3cret");

	@Test
	void commandsAreListedAndTheFeatureAnnounced() {
		this.runner.withUserConfiguration(Commands.class).withPropertyValues("bot.admins=admin@example.com")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				AdHocCommands commands = context.getBean(AdHocCommands.class);
				assertThat(commands.items(new JID("admin@example.com/x"), new JID("bot.example.com"), AdHocCommands.NAMESPACE))
					.hasSize(1);
				assertThat(commands.items(new JID("eve@example.com/x"), new JID("bot.example.com"), AdHocCommands.NAMESPACE))
					.isEmpty();
				assertThat(context.getBean(DiscoHandlers.class).features()).contains(AdHocCommands.NAMESPACE);
			});
	}

	@Test
	void badSessionLimitsFailStartupNamingTheProperty() {
		this.runner.withPropertyValues("xmpp.adhoc.max-sessions=0").run((context) -> assertThat(context).getFailure()
			.rootCause()
			.isInstanceOf(InvalidConfigurationPropertyValueException.class)
			.hasMessageContaining("xmpp.adhoc.max-sessions"));
		this.runner.withPropertyValues("xmpp.adhoc.session-timeout=0s").run((context) -> assertThat(context).getFailure()
			.rootCause()
			.isInstanceOf(InvalidConfigurationPropertyValueException.class)
			.hasMessageContaining("xmpp.adhoc.session-timeout"));
	}

	@Configuration(proxyBeanMethods = false)
	static class Commands {

		@Bean
		Admin admin() {
			return new Admin();
		}

	}

	static class Admin {

		@AdHocCommand(node = "reset", name = "Reset", allowed = "${bot.admins}")
		CommandStep reset(CommandRequest request) {
			return CommandStep.done("done");
		}

	}

}
