package dev.kindling.samples.tictactoe;

import java.io.IOException;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.xmpp.packet.JID;

import dev.kindling.boot.autoconfigure.XmppComponentAutoConfiguration;
import dev.kindling.boot.autoconfigure.XmppPayloadAutoConfiguration;
import dev.kindling.boot.autoconfigure.XmppPubSubAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/** The store's beans and its properties: defaults, the service, and startup failures naming the property. */
class ToetemStoreConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(XmppComponentAutoConfiguration.class, XmppPayloadAutoConfiguration.class,
				XmppPubSubAutoConfiguration.class))
		.withUserConfiguration(ToetemStoreConfiguration.class, GameRegistry.class, GameAddresses.class, GameLoader.class)
		.withPropertyValues("xmpp.component.host=127.0.0.1", "xmpp.component.port=" + closedPort(),
				"xmpp.component.shutdown-timeout=1s", "xmpp.component.domain=toetem.example.com",
				"xmpp.component.secret=s3cret");

	@Test
	void keepsTheGamesOnThePubSubServiceByDefault() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(GameReload.class);
			assertThat(context.getBean(GameStore.class)).isInstanceOf(PubSubGameStore.class);
			ToetemStoreProperties properties = context.getBean(ToetemStoreProperties.class);
			assertThat(properties.gamesNode()).isEqualTo("toetem/games");
			assertThat(properties.resultsNode()).isEqualTo("toetem/results");
			assertThat(properties.maxGames()).isEqualTo(256);
			assertThat(properties.serviceOr(new JID("pubsub.example.com"))).isEqualTo(new JID("pubsub.example.com"));
		});
	}

	@Test
	void keepsTheGamesInMemoryWhenDisabled() {
		this.runner.withPropertyValues("toetem.store.enabled=false")
			.run((context) -> assertThat(context.getBean(GameStore.class)).isInstanceOf(GameStore.InMemory.class));
	}

	@Test
	void takesAnotherService() {
		this.runner.withPropertyValues("toetem.store.service=games.example.org")
			.run((context) -> assertThat(context.getBean(ToetemStoreProperties.class).serviceOr(new JID("x")))
				.isEqualTo(new JID("games.example.org")));
	}

	@Test
	void badValuesFailStartupNamingTheProperty() {
		assertFails("toetem.store.max-games=0", "toetem.store.max-games");
		assertFails("toetem.store.max-results=-1", "toetem.store.max-results");
		assertFails("toetem.store.service=referee@games.example.org", "toetem.store.service");
		assertFails("toetem.store.service=bad@@address", "toetem.store.service");
		assertFails("toetem.store.games-node= ", "toetem.store.games-node");
		assertFails("toetem.store.results-node=toetem/games", "toetem.store.results-node");
		assertFails("toetem.store.load-retry=0s", "toetem.store.load-retry");
	}

	private void assertFails(String property, String name) {
		this.runner.withPropertyValues(property)
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining(name));
	}

	private static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
