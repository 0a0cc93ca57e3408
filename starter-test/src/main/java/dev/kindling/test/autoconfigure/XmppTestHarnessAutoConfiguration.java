package dev.kindling.test.autoconfigure;


import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import dev.kindling.boot.autoconfigure.XmppComponentAutoConfiguration;
import dev.kindling.boot.autoconfigure.XmppComponentProperties;
import dev.kindling.boot.autoconfigure.XmppConnectionDetails;
import dev.kindling.connection.ComponentConnection;
import dev.kindling.dispatch.StanzaDispatcher;
import dev.kindling.routing.StanzaRouter;
import dev.kindling.template.XmppTemplate;
import dev.kindling.test.InMemoryTransport;
import dev.kindling.test.XmppTestHarness;

/**
 * Replaces the wire only: an {@link InMemoryTransport} (the {@code ComponentTransport} bean) and
 * the fake endpoint {@code xmpp.test.domain}, so {@link XmppComponentAutoConfiguration} builds the
 * connection and everything else (dispatcher, router, template, queue) as in production. The
 * slice sets a backoff of milliseconds ({@code xmpp.component.backoff.*}), and the harness waits on
 * the connection's own count of published events.
 */
@AutoConfiguration(before = XmppComponentAutoConfiguration.class)
@EnableConfigurationProperties({ XmppTestProperties.class, XmppComponentProperties.class })
@Import(SliceValidationImportSelector.class)
public final class XmppTestHarnessAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	XmppConnectionDetails xmppConnectionDetails(XmppTestProperties properties) {
		String domain = properties.domain().trim();
		if (domain.isEmpty() || domain.contains("@") || domain.contains("/")) {
			throw new InvalidConfigurationPropertyValueException("xmpp.test.domain", properties.domain(),
					"A component's domain is a bare domain, e.g. bot.test.");
		}
		return new InMemoryConnectionDetails(domain);
	}

	@Bean
	@ConditionalOnMissingBean
	InMemoryTransport xmppInMemoryTransport() {
		return new InMemoryTransport();
	}

	@Bean
	@ConditionalOnMissingBean
	XmppTestHarness xmppTestHarness(InMemoryTransport transport, ComponentConnection connection,
			StanzaDispatcher dispatcher, StanzaRouter router, XmppTemplate template, XmppTestProperties properties) {
		if (properties.timeout().isZero() || properties.timeout().isNegative()) {
			throw new InvalidConfigurationPropertyValueException("xmpp.test.timeout", properties.timeout(),
					"Must be positive.");
		}
		return new XmppTestHarness(transport, connection, dispatcher, router, template, properties.timeout());
	}

	/** An endpoint that is never dialled: the in-memory transport ignores host, port and secret. */
	private record InMemoryConnectionDetails(String domain) implements XmppConnectionDetails {

		@Override
		public String host() {
			return "in-memory";
		}

		@Override
		public int port() {
			return 5347;
		}

		@Override
		public String secret() {
			return "in-memory";
		}

	}

}
