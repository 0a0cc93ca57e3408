package dev.kindling.boot.autoconfigure;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

import dev.kindling.devserver.ProsodyOptions;
import dev.kindling.devserver.ProsodyServer;

/**
 * The dev server: with {@code xmpp.dev-server.enabled=true}, a Prosody from the machine's install
 * runs in a temporary directory on free loopback ports, with a MUC and a pubsub service and demo
 * users, and the component connects to it. It stops with the application. Spring Boot's Docker
 * Compose support, without Docker.
 *
 * <p>The launcher is the {@code kindling-devserver} module, which a production bot leaves out:
 * enabled without it, startup fails and names the dependency to add.
 */
@AutoConfiguration(before = XmppComponentAutoConfiguration.class)
@ConditionalOnBooleanProperty("xmpp.dev-server.enabled")
public final class XmppDevServerAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(ProsodyServer.class)
	@EnableConfigurationProperties({ XmppDevServerProperties.class, XmppComponentProperties.class })
	static class DevServerConfiguration {

		private static final Logger logger = LoggerFactory.getLogger(XmppDevServerAutoConfiguration.class);

		@Bean(destroyMethod = "close")
		@ConditionalOnMissingBean
		ProsodyServer xmppDevServer(XmppDevServerProperties properties, XmppComponentProperties component) {
			// The context closes it, after the component has stopped; no shutdown hook of its own.
			ProsodyServer server = ProsodyServer.create(options(properties, component)).withoutShutdownHook().start();
			logConnectionHints(server);
			return server;
		}

		@Bean
		@ConditionalOnMissingBean
		XmppConnectionDetails xmppConnectionDetails(ProsodyServer server) {
			return new DevServerConnectionDetails(server);
		}

		@Bean
		@ConditionalOnMissingBean
		XmppDevServerDetails xmppDevServerDetails(ProsodyServer server) {
			return new DevServerDetails(server);
		}

		private static ProsodyOptions options(XmppDevServerProperties properties, XmppComponentProperties component) {
			ProsodyOptions options = ProsodyOptions.defaults()
				.withComponentDomain(StringUtils.hasText(component.domain()) ? component.domain().trim()
						: XmppDevServerProperties.DEFAULT_COMPONENT_DOMAIN)
				.withUsers(properties.usersOrDefault())
				.withExecutable(properties.executable())
				.withPorts(properties.c2sPort(), properties.componentPort(), properties.httpPort());
			try {
				options = options.withDomain(properties.domain()).withLogLevel(properties.logLevel());
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidConfigurationPropertyValueException("xmpp.dev-server", properties, ex.getMessage());
			}
			return StringUtils.hasText(component.secret()) ? options.withComponentSecret(component.secret()) : options;
		}

		private static void logConnectionHints(ProsodyServer server) {
			logger.info("Kindling dev server is up. Log in with any XMPP client (no TLS), or from a browser over WebSocket or BOSH:");
			logger.info("  c2s        {}:{}   websocket {}   BOSH {}", server.host(), server.c2sPort(),
					server.websocketUrl(), server.boshUrl());
			server.options().users().forEach((user, password) -> logger.info("  user       {}@{}  password '{}'", user,
					server.domain(), password));
			logger.info("  component  {} (chat with any address of it, e.g. bot@{})", server.componentDomain(),
					server.componentDomain());
			logger.info("  services   MUC {}   pubsub {}", server.mucDomain(), server.pubsubDomain());
		}

		/** The dev server's endpoint, which the component connects to instead of xmpp.component.host/port. */
		private record DevServerConnectionDetails(ProsodyServer server) implements XmppConnectionDetails {

			@Override
			public String host() {
				return this.server.host();
			}

			@Override
			public int port() {
				return this.server.componentPort();
			}

			@Override
			public String domain() {
				return this.server.componentDomain();
			}

			@Override
			public String secret() {
				return this.server.componentSecret();
			}

		}

		private record DevServerDetails(ProsodyServer server) implements XmppDevServerDetails {

			@Override
			public String domain() {
				return this.server.domain();
			}

			@Override
			public String mucDomain() {
				return this.server.mucDomain();
			}

			@Override
			public String pubsubDomain() {
				return this.server.pubsubDomain();
			}

			@Override
			public String websocketUrl() {
				return this.server.websocketUrl();
			}

			@Override
			public String boshUrl() {
				return this.server.boshUrl();
			}

			@Override
			public Map<String, String> users() {
				return this.server.options().users();
			}

		}

	}

	/**
	 * Enabled, but the module is not on the class path (a production jar run without
	 * {@code --xmpp.dev-server.enabled=false}, say): without this the component would quietly try
	 * {@code xmpp.component.host} instead.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingClass("dev.kindling.devserver.ProsodyServer")
	static class DevServerMissingConfiguration {

		DevServerMissingConfiguration() {
			throw new DevServerNotOnClassPathException();
		}

	}

}
