package dev.kindling.samples.feed;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.xmpp.packet.JID;

import dev.kindling.StanzaNotSentException;
import dev.kindling.connection.ComponentConnectedEvent;
import dev.kindling.muc.MucRooms;
import dev.kindling.muc.Room;
import dev.kindling.pubsub.ItemId;
import dev.kindling.pubsub.NodeConfiguration;
import dev.kindling.pubsub.OnPubSubEvent;
import dev.kindling.pubsub.PubSubEvent;
import dev.kindling.pubsub.PubSubTemplate;
import dev.kindling.template.XmppTemplate;

/**
 * Sets the feed up on every connect (the node and the bot's own subscription) and announces each
 * new post in the room, which the MUC helper joins and rejoins (see {@code xmpp.muc.rooms}).
 */
@Component
class FeedAnnouncer {

	private static final Logger logger = LoggerFactory.getLogger(FeedAnnouncer.class);

	private final PubSubTemplate pubsub;

	private final XmppTemplate xmpp;

	private final MucRooms rooms;

	private final FeedProperties feed;

	FeedAnnouncer(PubSubTemplate pubsub, XmppTemplate xmpp, MucRooms rooms, FeedProperties feed) {
		this.pubsub = pubsub;
		this.xmpp = xmpp;
		this.rooms = rooms;
		this.feed = feed;
	}

	@EventListener
	void connected(ComponentConnectedEvent event) {
		NodeConfiguration config = NodeConfiguration.defaults().with(NodeConfiguration.ACCESS_MODEL, "open")
			.with(NodeConfiguration.MAX_ITEMS, Integer.toString(this.feed.maxItems()))
			.with(NodeConfiguration.TITLE, "Kindling feed");
		this.pubsub.createNodeIfAbsent(this.feed.node(), config)
			.thenCompose((created) -> this.pubsub.subscribe(this.feed.node(), this.xmpp.componentJid()))
			.whenComplete((subscription, ex) -> {
				if (ex != null) {
					logger.error("Could not set up the feed node '{}' on {}", this.feed.node(), this.pubsub.service(), ex);
				}
				else {
					logger.info("Feed node '{}' on {} ready; the bot is {}", this.feed.node(), this.pubsub.service(),
							subscription.state().toXmpp());
				}
			});
	}

	@OnPubSubEvent(node = "${feed.node:news}")
	void posted(@ItemId String id, AtomEntry entry, PubSubEvent event) {
		if (!event.service().equals(this.pubsub.service())) {
			// Anyone may send the component a message shaped like an event; only the service is believed.
			logger.warn("Ignoring a feed event from {}, which is not {}", event.service(), this.pubsub.service());
			return;
		}
		logger.info("New post {} by {}: {}", id, entry.author().name(), entry.title());
		if (this.feed.room() == null) {
			return;
		}
		String text = "New post by " + entry.author().name() + ": " + entry.title();
		try {
			this.rooms.room(new JID(this.feed.room())).filter(Room::isJoined).ifPresentOrElse((room) -> room.send(text),
					() -> logger.warn("Not in {}: post {} not announced", this.feed.room(), id));
		}
		catch (StanzaNotSentException ex) {
			logger.warn("Could not announce post {}: {}", id, ex.getMessage());
		}
	}

}
