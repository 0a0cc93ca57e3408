package dev.kindling.boot.autoconfigure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.springframework.boot.LazyInitializationBeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.Packet;

import dev.kindling.builtin.EntityTimeHandler;
import dev.kindling.builtin.PingHandler;
import dev.kindling.builtin.SoftwareVersionHandler;
import dev.kindling.connection.ComponentConnection;
import dev.kindling.connection.ComponentEndpoint;
import dev.kindling.connection.ConnectionState;
import dev.kindling.disco.DiscoHandlers;
import dev.kindling.dispatch.StanzaDispatcher;
import dev.kindling.handler.Body;
import dev.kindling.handler.HandlerDefinitionException;
import dev.kindling.handler.HandlerRegistry;
import dev.kindling.handler.OnMessage;
import dev.kindling.handler.StanzaHandler;
import dev.kindling.liveness.LivenessMonitor;
import dev.kindling.template.DefaultXmppTemplate;
import dev.kindling.template.XmppTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class XmppComponentAutoConfigurationTests {

	/** Nothing listens here: the connection, started with the context, only ever backs off. */
	static final int CLOSED_PORT = closedPort();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(XmppComponentAutoConfiguration.class, XmppAnswersAutoConfiguration.class))
		.withPropertyValues("xmpp.component.host=127.0.0.1", "xmpp.component.port=" + CLOSED_PORT,
				"xmpp.component.shutdown-timeout=1s");

	private final ApplicationContextRunner configured = this.runner
		.withPropertyValues("xmpp.component.domain=bot.example.com", "xmpp.component.secret=s3cret");

	@Test
	void createsTheComponentFromDomainAndSecret() {
		this.configured.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).hasSingleBean(XmppTemplate.class)
				.hasSingleBean(DefaultXmppTemplate.class)
				.hasSingleBean(ComponentConnection.class)
				.hasSingleBean(StanzaDispatcher.class)
				.hasSingleBean(HandlerRegistry.class)
				.hasSingleBean(DiscoHandlers.class)
				.hasSingleBean(PingHandler.class)
				.hasSingleBean(SoftwareVersionHandler.class)
				.hasSingleBean(EntityTimeHandler.class)
				.hasSingleBean(LivenessMonitor.class);
			ComponentConnection connection = context.getBean(ComponentConnection.class);
			assertThat(connection.getEndpoint())
				.isEqualTo(new ComponentEndpoint("127.0.0.1", CLOSED_PORT, "bot.example.com", "s3cret"));
			assertThat(context.getBean(XmppTemplate.class).componentJid()).isEqualTo(new JID("bot.example.com"));
			assertThat(context.getBean(HandlerRegistry.class).iqNamespaces()).containsExactlyInAnyOrder(
					DiscoHandlers.INFO, DiscoHandlers.ITEMS, PingHandler.NAMESPACE, SoftwareVersionHandler.NAMESPACE,
					EntityTimeHandler.NAMESPACE);
		});
	}

	@Test
	void startsWithoutAServerAndKeepsRetryingInTheBackground() {
		this.configured.run((context) -> {
			ComponentConnection connection = context.getBean(ComponentConnection.class);
			assertThat(connection.isRunning()).isTrue();
			await().atMost(Duration.ofSeconds(10)).until(() -> connection.getState() == ConnectionState.BACKOFF);
			assertThat(connection.getStatus().lastFailure()).isNotNull();
		});
	}

	@Test
	void registersHandlersOfUserBeans() {
		this.configured.withUserConfiguration(EchoConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed();
			List<StanzaHandler> handlers = context.getBean(HandlerRegistry.class).handlers();
			assertThat(handlers).filteredOn((handler) -> handler.method().getDeclaringClass() == EchoHandlers.class)
				.singleElement()
				.satisfies((handler) -> {
					assertThat(handler.name()).endsWith("EchoHandlers.echo(String)");
					assertThat(handler.mapping()).startsWith("@OnMessage");
				});
		});
	}

	@Test
	void registersHandlersUnderLazyInitialization() {
		// spring.main.lazy-initialization=true: handler beans are only ever created by Kindling itself.
		this.configured.withUserConfiguration(EchoConfiguration.class)
			.withInitializer((context) -> context.addBeanFactoryPostProcessor(new LazyInitializationBeanFactoryPostProcessor()))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				HandlerRegistry registry = context.getBean(HandlerRegistry.class);
				assertThat(registry.handlers()).extracting(StanzaHandler::name)
					.anySatisfy((name) -> assertThat(name).endsWith("EchoHandlers.echo(String)"));
				assertThat(registry.iqNamespaces()).contains(PingHandler.NAMESPACE, DiscoHandlers.INFO);
			});
	}

	@Test
	void aMissingDomainFailsNamingTheProperty() {
		this.runner.withPropertyValues("xmpp.component.secret=s3cret")
			.run((context) -> assertInvalidProperty(context.getStartupFailure(), "xmpp.component.domain"));
	}

	@Test
	void aBlankSecretFailsNamingTheProperty() {
		this.runner.withPropertyValues("xmpp.component.domain=bot.example.com", "xmpp.component.secret=   ")
			.run((context) -> assertInvalidProperty(context.getStartupFailure(), "xmpp.component.secret"));
	}

	@Test
	void aPortOutOfRangeFailsNamingTheProperty() {
		this.configured.withPropertyValues("xmpp.component.port=0")
			.run((context) -> assertInvalidProperty(context.getStartupFailure(), "xmpp.component.port"));
		this.configured.withPropertyValues("xmpp.component.port=70000")
			.run((context) -> assertInvalidProperty(context.getStartupFailure(), "xmpp.component.port"));
	}

	@Test
	void aMaximumBackoffBelowTheMinimumFailsNamingTheProperty() {
		this.configured
			.withPropertyValues("xmpp.component.backoff.min-delay=10s", "xmpp.component.backoff.max-delay=5s")
			.run((context) -> assertInvalidProperty(context.getStartupFailure(), "xmpp.component.backoff.max-delay"));
	}

	@Test
	void aPingIntervalThatIsNotPositiveFailsNamingTheProperty() {
		this.configured.withPropertyValues("xmpp.component.ping-interval=0s")
			.run((context) -> assertInvalidProperty(context.getStartupFailure(), "xmpp.component.ping-interval"));
		this.configured.withPropertyValues("xmpp.component.ping-interval=-5s")
			.run((context) -> assertInvalidProperty(context.getStartupFailure(), "xmpp.component.ping-interval"));
	}

	@Test
	void aStandbyRetryThatIsNotPositiveFailsNamingTheProperty() {
		this.configured.withPropertyValues("xmpp.component.standby.retry=0ms")
			.run((context) -> assertInvalidProperty(context.getStartupFailure(), "xmpp.component.standby.retry"));
	}

	@Test
	void theStandbyRetryReachesTheConnection() {
		this.configured.withPropertyValues("xmpp.component.standby.retry=100ms").run((context) -> assertThat(
				XmppComponentAutoConfiguration.connectionSettings(context.getBean(XmppComponentProperties.class))
					.standbyRetry()).isEqualTo(Duration.ofMillis(100)));
		this.configured.run((context) -> assertThat(
				XmppComponentAutoConfiguration.connectionSettings(context.getBean(XmppComponentProperties.class))
					.standbyRetry()).isEqualTo(Duration.ofMillis(250)));
	}

	@Test
	void zeroDispatchThreadsFailNamingTheProperty() {
		this.configured.withPropertyValues("xmpp.dispatch.threads=0")
			.run((context) -> assertInvalidProperty(context.getStartupFailure(), "xmpp.dispatch.threads"));
	}

	@Test
	void usesConnectionDetailsFromAUserBeanInsteadOfProperties() {
		this.runner.withUserConfiguration(ConnectionDetailsConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).hasSingleBean(XmppConnectionDetails.class);
			assertThat(context.getBean(ComponentConnection.class).getEndpoint())
				.isEqualTo(new ComponentEndpoint("127.0.0.1", CLOSED_PORT, "dev.example.net", "from-a-bean"));
			assertThat(context.getBean(XmppTemplate.class).componentJid()).isEqualTo(new JID("dev.example.net"));
		});
	}

	@Test
	void backsOffForAUserTemplate() {
		this.configured.withUserConfiguration(TemplateConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).hasSingleBean(XmppTemplate.class).doesNotHaveBean(DefaultXmppTemplate.class);
			assertThat(context.getBean(XmppTemplate.class)).isInstanceOf(NoopTemplate.class);
			assertThat(context).hasSingleBean(StanzaDispatcher.class);
		});
	}

	@Test
	void ambiguousHandlersFailStartupNamingBothMethods() {
		this.configured.withUserConfiguration(AmbiguousConfiguration.class).run((context) -> {
			assertThat(context).hasFailed();
			HandlerDefinitionException failure = causeOfType(context.getStartupFailure(), HandlerDefinitionException.class);
			assertThat(failure.getMessage()).contains("AmbiguousHandlers.first(String)")
				.contains("AmbiguousHandlers.second(String)");
		});
	}

	static void assertInvalidProperty(Throwable failure, String name) {
		assertThat(failure).as("startup failure").isNotNull();
		assertThat(failure).rootCause()
			.isInstanceOfSatisfying(InvalidConfigurationPropertyValueException.class,
					(ex) -> assertThat(ex.getName()).isEqualTo(name));
	}

	static <T extends Throwable> T causeOfType(Throwable failure, Class<T> type) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		throw new AssertionError("No " + type.getSimpleName() + " in the causes of " + failure, failure);
	}

	private static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class EchoConfiguration {

		@Bean
		EchoHandlers echoHandlers() {
			return new EchoHandlers();
		}

	}

	static class EchoHandlers {

		@OnMessage
		String echo(@Body String body) {
			return body;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ConnectionDetailsConfiguration {

		@Bean
		XmppConnectionDetails devConnectionDetails() {
			return new XmppConnectionDetails() {

				@Override
				public String host() {
					return "127.0.0.1";
				}

				@Override
				public int port() {
					return CLOSED_PORT;
				}

				@Override
				public String domain() {
					return "dev.example.net";
				}

				@Override
				public String secret() {
					return "from-a-bean";
				}

			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class TemplateConfiguration {

		@Bean
		NoopTemplate customTemplate() {
			return new NoopTemplate();
		}

	}

	static class NoopTemplate implements XmppTemplate {

		@Override
		public JID componentJid() {
			return new JID("bot.example.com");
		}

		@Override
		public void send(Packet stanza) {
		}

		@Override
		public CompletableFuture<IQ> request(IQ request) {
			return new CompletableFuture<>();
		}

		@Override
		public CompletableFuture<IQ> request(IQ request, Duration timeout) {
			return new CompletableFuture<>();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class AmbiguousConfiguration {

		@Bean
		AmbiguousHandlers ambiguousHandlers() {
			return new AmbiguousHandlers();
		}

	}

	static class AmbiguousHandlers {

		@OnMessage
		String first(@Body String body) {
			return body;
		}

		@OnMessage
		String second(@Body String body) {
			return body;
		}

	}

}
