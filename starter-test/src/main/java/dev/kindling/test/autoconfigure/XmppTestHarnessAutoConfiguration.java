package dev.kindling.test.autoconfigure;

import java.time.Duration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import dev.kindling.boot.autoconfigure.XmppComponentAutoConfiguration;
import dev.kindling.boot.autoconfigure.XmppComponentProperties;
import dev.kindling.boot.autoconfigure.XmppConnectionDetails;
import dev.kindling.connection.ComponentConnection;
import dev.kindling.connection.ConnectionSettings;
import dev.kindling.connection.OutboundQueue;
import dev.kindling.dispatch.StanzaDispatcher;
import dev.kindling.observe.StanzaObserver;
import dev.kindling.routing.StanzaRouter;
import dev.kindling.template.XmppTemplate;
import dev.kindling.test.ConnectionEvents;
import dev.kindling.test.InMemoryTransport;
import dev.kindling.test.XmppTestHarness;

/**
 * Replaces the wire only: a {@link ComponentConnection} over an {@link InMemoryTransport} for the
 * fake domain {@code xmpp.test.domain}, so {@link XmppComponentAutoConfiguration} backs off its
 * own connection and endpoint and builds everything else (dispatcher, router, template, queue) as
 * in production. Reconnects take milliseconds here instead of the production backoff.
 */
@AutoConfiguration(before = XmppComponentAutoConfiguration.class)
@EnableConfigurationProperties({ XmppTestProperties.class, XmppComponentProperties.class })
@Import(SliceValidationImportSelector.class)
public final class XmppTestHarnessAutoConfiguration {

	private static final Duration BACKOFF_MIN = Duration.ofMillis(5);

	private static final Duration BACKOFF_MAX = Duration.ofMillis(50);

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
	ConnectionEvents xmppConnectionEvents(ApplicationEventPublisher publisher) {
		return new ConnectionEvents(publisher);
	}

	@Bean
	@ConditionalOnMissingBean
	ComponentConnection xmppComponentConnection(XmppConnectionDetails details, XmppComponentProperties properties,
			OutboundQueue outbound, StanzaDispatcher dispatcher, ConnectionEvents events, InMemoryTransport transport,
			ObjectProvider<StanzaObserver> observers) {
		ConnectionSettings settings = new ConnectionSettings(properties.connectTimeout(), BACKOFF_MIN, BACKOFF_MAX,
				(int) properties.maxStanzaSize().toBytes(), properties.shutdownTimeout());
		return new ComponentConnection(details.toEndpoint(), settings, outbound, dispatcher, events,
				StanzaObserver.composite(observers.orderedStream().toList()), transport);
	}

	@Bean
	@ConditionalOnMissingBean
	XmppTestHarness xmppTestHarness(InMemoryTransport transport, ComponentConnection connection,
			ConnectionEvents events, StanzaDispatcher dispatcher, StanzaRouter router, XmppTemplate template,
			XmppTestProperties properties) {
		if (properties.timeout().isZero() || properties.timeout().isNegative()) {
			throw new InvalidConfigurationPropertyValueException("xmpp.test.timeout", properties.timeout(),
					"Must be positive.");
		}
		return new XmppTestHarness(transport, connection, events, dispatcher, router, template, properties.timeout());
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
