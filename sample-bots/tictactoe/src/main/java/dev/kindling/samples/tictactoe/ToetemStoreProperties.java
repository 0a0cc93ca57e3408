package dev.kindling.samples.tictactoe;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.xmpp.packet.JID;

/**
 * Where the referee keeps its games and publishes results (see docs/protocol/tictactoe.md,
 * "Durability and results").
 *
 * @param enabled Whether games are kept on the pubsub service and reloaded at start; when off they live only in memory and no results are published
 * @param service Address of the pubsub service that keeps the games, e.g. "pubsub.example.com"; defaults to xmpp.pubsub.service (on the dev server, its pubsub service)
 * @param gamesNode Node whose items are the games still playing, one per game, plus the id counter
 * @param maxGames Items the games node keeps: more games playing at once than this, and the oldest are no longer durable (Prosody allows at most its pubsub_max_items, 256 by default)
 * @param resultsNode Node the final state of every ended game is published to, for feeds and room bots
 * @param maxResults Items the results node keeps: the most recent results
 * @param loadRetry Time between attempts to load the games when the service could not be reached or refused
 * @param waitingNode Node whose items are the players on the waiting list, one per bare JID, so every replica (and a restarted referee) sees the same list
 */
@ConfigurationProperties(ToetemStoreProperties.PREFIX)
record ToetemStoreProperties(@DefaultValue("true") boolean enabled, @Nullable String service,
		@DefaultValue("toetem/games") String gamesNode, @DefaultValue("256") int maxGames,
		@DefaultValue("toetem/results") String resultsNode, @DefaultValue("100") int maxResults,
		@DefaultValue("5s") Duration loadRetry, @DefaultValue("toetem/waiting") String waitingNode) {

	static final String PREFIX = "toetem.store";

	/** Fails with the property's name, as the values are bound, when a value cannot work. */
	ToetemStoreProperties {
		positive("max-games", maxGames);
		positive("max-results", maxResults);
		node("games-node", gamesNode);
		node("results-node", resultsNode);
		node("waiting-node", waitingNode);
		if (gamesNode.equals(resultsNode)) {
			throw new InvalidConfigurationPropertyValueException(PREFIX + ".results-node", resultsNode,
					"Must differ from " + PREFIX + ".games-node: ended games are retracted from that node.");
		}
		if (waitingNode.equals(gamesNode) || waitingNode.equals(resultsNode)) {
			throw new InvalidConfigurationPropertyValueException(PREFIX + ".waiting-node", waitingNode,
					"Must differ from " + PREFIX + ".games-node and " + PREFIX + ".results-node.");
		}
		if (loadRetry.isZero() || loadRetry.isNegative()) {
			throw new InvalidConfigurationPropertyValueException(PREFIX + ".load-retry", loadRetry,
					"Must be positive.");
		}
	}

	/** The configured service, checked, or {@code fallback}. */
	JID serviceOr(JID fallback) {
		if (this.service == null || this.service.isBlank()) {
			return fallback;
		}
		return ServiceAddress.parse(PREFIX + ".service", this.service.trim(), "pubsub.example.com");
	}

	private static void positive(String name, int value) {
		if (value < 1) {
			throw new InvalidConfigurationPropertyValueException(PREFIX + "." + name, value, "Must be at least 1.");
		}
	}

	private static void node(String name, String value) {
		if (value.isBlank()) {
			throw new InvalidConfigurationPropertyValueException(PREFIX + "." + name, value, "Must not be blank.");
		}
	}

}
