package dev.kindling.samples.tictactoe;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.kindling.pubsub.PubSubTemplate;
import dev.kindling.template.XmppTemplate;

/**
 * The referee's durable state: a {@link PubSubGameStore} on the pubsub service (or, with
 * {@code toetem.store.enabled=false}, games in memory only), and the {@link GameReload} that gets
 * them back at start.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ToetemStoreProperties.class)
class ToetemStoreConfiguration {

	@Bean
	GameStore gameStore(ToetemStoreProperties properties, PubSubTemplate pubsub,
			ObjectProvider<MeterRegistry> meters) {
		if (!properties.enabled()) {
			return new GameStore.InMemory();
		}
		return new PubSubGameStore(pubsub.forService(properties.serviceOr(pubsub.service())), properties,
				meters.getIfAvailable(SimpleMeterRegistry::new));
	}

	@Bean
	GameReload gameReload(GameStore store, GameRegistry registry, XmppTemplate xmpp, ToetemStoreProperties properties,
			ApplicationEventPublisher events, GameAddresses addresses, GameLoader loader) {
		return new GameReload(store, registry, xmpp, properties.loadRetry(), events, addresses, loader);
	}

}
