package dev.kindling.samples.feed;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.springframework.stereotype.Component;
import org.xmpp.packet.JID;

import dev.kindling.handler.From;
import dev.kindling.handler.Match;
import dev.kindling.handler.MessageType;
import dev.kindling.handler.OnMessage;
import dev.kindling.pubsub.PubSubTemplate;

/** What users say to the bot: {@code post <text>}, {@code follow}, {@code unfollow}. */
@Component
class FeedHandlers {

	private final PubSubTemplate pubsub;

	private final FeedProperties feed;

	FeedHandlers(PubSubTemplate pubsub, FeedProperties feed) {
		this.pubsub = pubsub;
		this.feed = feed;
	}

	@OnMessage(type = MessageType.CHAT, body = "post (?<text>.+)")
	CompletableFuture<String> post(@Match("text") String text, @From JID author) {
		String id = UUID.randomUUID().toString();
		String title = (text.length() > 60) ? text.substring(0, 57) + "..." : text;
		AtomEntry entry = new AtomEntry("urn:uuid:" + id, title, new AtomEntry.Author(author.toBareJID()),
				Instant.now().toString(), new AtomEntry.Content("text", text));
		return this.pubsub.publish(this.feed.node(), id, entry).thenApply((published) -> "Posted as " + published);
	}

	@OnMessage(type = MessageType.CHAT, body = "follow")
	CompletableFuture<String> follow(@From JID user) {
		return this.pubsub.subscribe(this.feed.node(), user.asBareJID())
			.thenApply((subscription) -> "Following " + this.feed.node() + " (" + subscription.state().toXmpp() + ")");
	}

	@OnMessage(type = MessageType.CHAT, body = "unfollow")
	CompletableFuture<String> unfollow(@From JID user) {
		return this.pubsub.unsubscribe(this.feed.node(), user.asBareJID()).thenApply((done) -> "Unfollowed " + this.feed.node());
	}

	@OnMessage(type = MessageType.CHAT)
	String help() {
		return "Say 'post <text>' to publish, 'follow' or 'unfollow' to get the feed.";
	}

}
