package dev.kindling.test.autoconfigure.docs.pubsub;

// tag::events[]
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.kindling.connection.ComponentConnectedEvent;
import dev.kindling.pubsub.ItemId;
import dev.kindling.pubsub.OnPubSubEvent;
import dev.kindling.pubsub.PubSubEvent;
import dev.kindling.pubsub.PubSubTemplate;
import dev.kindling.template.XmppTemplate;

@Component
class ScoreBoard {

	private static final Logger log = LoggerFactory.getLogger(ScoreBoard.class);

	private final PubSubTemplate pubsub;

	private final XmppTemplate xmpp;

	ScoreBoard(PubSubTemplate pubsub, XmppTemplate xmpp) {
		this.pubsub = pubsub;
		this.xmpp = xmpp;
	}

	@EventListener
	void connected(ComponentConnectedEvent event) {                // on every connect, as the feed bot does
		pubsub.subscribe("scores", xmpp.componentJid());
	}

	@OnPubSubEvent(node = "scores|game-\\d+")                     // a regular expression over the node name
	void scored(@ItemId String id, Score score) {                  // only items carrying <score xmlns='urn:example:score'>
		log.info("{}: {} points in round {}", id, score.points(), score.round());
	}

	@OnPubSubEvent(node = "game-.*", kind = { PubSubEvent.Kind.RETRACT, PubSubEvent.Kind.PURGE, PubSubEvent.Kind.DELETE })
	void changed(PubSubEvent event) {
		log.info("{} on {}: {}", event.kind(), event.node(), event.itemId());
	}

}
// end::events[]
