package dev.kindling.boot.autoconfigure;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.messaging.Message;
import org.springframework.messaging.handler.invocation.HandlerMethodArgumentResolver;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;

import dev.kindling.adhoc.AdHocCommand;
import dev.kindling.adhoc.AdHocCommandHandler;
import dev.kindling.adhoc.AdHocCommands;
import dev.kindling.adhoc.CommandRequest;
import dev.kindling.adhoc.CommandSessions;
import dev.kindling.adhoc.CommandStep;
import dev.kindling.disco.DiscoHandlers;
import dev.kindling.handler.From;
import dev.kindling.handler.HandlerMethodConfigurer;
import dev.kindling.handler.XmppExceptionHandler;
import dev.kindling.routing.StanzaRouter;
import dev.kindling.template.XmppTemplate;

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
				assertThat(context).hasNotFailed().hasSingleBean(AdHocCommands.class).hasSingleBean(CommandSessions.class)
					.hasSingleBean(AdHocCommandHandler.class);
				AdHocCommands commands = context.getBean(AdHocCommands.class);
				assertThat(commands.items(new JID("admin@example.com/x"), new JID("bot.example.com"), AdHocCommands.NAMESPACE))
					.hasSize(1);
				assertThat(commands.items(new JID("eve@example.com/x"), new JID("bot.example.com"), AdHocCommands.NAMESPACE))
					.isEmpty();
				assertThat(context.getBean(DiscoHandlers.class).features()).contains(AdHocCommands.NAMESPACE);
			});
	}

	@Test
	void commandsBindTheArgumentsOfEveryHandlerAndTheirExceptionHandlersSeeFailures() {
		this.runner.withUserConfiguration(PipelineCommands.class).run((context) -> {
			StanzaRouter router = context.getBean(StanzaRouter.class);
			router.route(execute("whoami"));
			router.route(execute("broken"));
			assertThat(context.getBean(Recorder.class).log).containsExactly(
					"whoami by alice@example.com/x for tenant-7 with a template", "handled boom from alice@example.com/x");
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

	private static IQ execute(String node) {
		IQ iq = new IQ(IQ.Type.set);
		iq.setFrom(new JID("alice@example.com/x"));
		iq.setTo(new JID("bot.example.com"));
		iq.setChildElement("command", AdHocCommands.NAMESPACE).addAttribute("node", node);
		return iq;
	}

	@Configuration(proxyBeanMethods = false)
	static class PipelineCommands {

		@Bean
		Recorder recorder() {
			return new Recorder();
		}

		@Bean
		HandlerMethodConfigurer tenantConfigurer() {
			return new HandlerMethodConfigurer() {

				@Override
				public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
					resolvers.add(new HandlerMethodArgumentResolver() {

						@Override
						public boolean supportsParameter(MethodParameter parameter) {
							return parameter.getParameterType() == Tenant.class;
						}

						@Override
						public Object resolveArgument(MethodParameter parameter, Message<?> message) {
							return new Tenant("tenant-7");
						}

					});
				}

			};
		}

	}

	record Tenant(String name) {
	}

	static class Recorder {

		final List<String> log = new CopyOnWriteArrayList<>();

		@AdHocCommand(node = "whoami", name = "Who am I")
		CommandStep whoami(CommandRequest request, @From JID from, Tenant tenant, XmppTemplate template) {
			this.log.add(request.node() + " by " + from + " for " + tenant.name() + ((template != null) ? " with a template" : ""));
			return CommandStep.done("you are " + from);
		}

		@AdHocCommand(node = "broken", name = "Broken")
		CommandStep broken(CommandRequest request) {
			throw new IllegalStateException("boom");
		}

		@XmppExceptionHandler
		String failed(IllegalStateException ex, @From JID from) {
			this.log.add("handled " + ex.getMessage() + " from " + from);
			return "Broken for now";
		}

	}

	static class Admin {

		@AdHocCommand(node = "reset", name = "Reset", allowed = "${bot.admins}")
		CommandStep reset(CommandRequest request) {
			return CommandStep.done("done");
		}

	}

}
