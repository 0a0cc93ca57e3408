package dev.kindling.test.autoconfigure.docs.pubsub;

// tag::template[]
import java.util.concurrent.CompletableFuture;

import org.springframework.stereotype.Component;

import dev.kindling.pubsub.NodeConfiguration;
import dev.kindling.pubsub.PubSubTemplate;

@Component
class Scores {

	private final PubSubTemplate pubsub;

	Scores(PubSubTemplate pubsub) { this.pubsub = pubsub; }

	CompletableFuture<String> publish(int round, int points) {
		NodeConfiguration config = NodeConfiguration.defaults()
			.with(NodeConfiguration.ACCESS_MODEL, "open")
			.with(NodeConfiguration.MAX_ITEMS, "10");
		return pubsub.createNodeIfAbsent("scores", config)
			.thenCompose((created) -> pubsub.publish("scores", "round-" + round, new Score(round, points)));
	}

}
// end::template[]
