package dev.kindling.samples.feed;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import dev.kindling.connection.ComponentConnection;
import dev.kindling.connection.ConnectionState;
import dev.kindling.devserver.ProsodyServer;
import dev.kindling.pubsub.PubSubTemplate;
import dev.kindling.test.XmppTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sample as a newcomer runs it, on the dev server: bob posts, alice follows the feed and sits
 * in the room where the bot announces posts.
 */
@SpringBootTest
class FeedBotIT {

	@Autowired
	ProsodyServer devServer;

	@Autowired
	ComponentConnection connection;

	@Autowired
	PubSubTemplate pubsub;

	@BeforeEach
	void feedReady() {
		await().atMost(Duration.ofSeconds(10)).until(() -> this.connection.getState() == ConnectionState.CONNECTED);
		// The bot creates the node and subscribes itself once connected.
		await().atMost(Duration.ofSeconds(10)).until(() -> this.pubsub.subscriptions().join().stream()
			.anyMatch((subscription) -> subscription.node().equals("news")));
	}

	@Test
	void aPostReachesFollowersAsAnAtomEntryAndIsAnnouncedInTheRoom() throws Exception {
		try (XmppTestClient alice = XmppTestClient.login(this.devServer, "alice", "alice");
				XmppTestClient bob = XmppTestClient.login(this.devServer, "bob", "bob")) {
			MultiUserChatManager.getInstanceFor(alice.connection())
				.getMultiUserChat(JidCreate.entityBareFrom("lobby@" + this.devServer.mucDomain()))
				.join(Resourcepart.from("alice"));
			alice.sendChat("feed.localhost", "follow");
			assertThat(awaitBody(alice, "Following")).isEqualTo("Following news (subscribed)");

			bob.sendChat("feed.localhost", "post Kindling feeds are live");
			assertThat(bob.awaitMessage().getBody()).startsWith("Posted as ");

			List<Message> seen = new ArrayList<>();
			await().atMost(Duration.ofSeconds(10)).until(() -> {
				seen.addAll(drain(alice));
				return seen.stream().anyMatch(FeedBotIT::isAtomEvent) && seen.stream()
					.anyMatch((message) -> "New post by bob@localhost: Kindling feeds are live".equals(message.getBody()));
			});
			assertThat(seen).filteredOn(FeedBotIT::isAtomEvent).first()
				.satisfies((event) -> assertThat(event.toXML().toString()).contains("Kindling feeds are live",
						"http://www.w3.org/2005/Atom", "bob@localhost"));

			alice.sendChat("feed.localhost", "unfollow");
			assertThat(awaitBody(alice, "Unfollowed")).isEqualTo("Unfollowed news");
		}
	}

	private static boolean isAtomEvent(Message message) {
		return message.getType() == Message.Type.headline && message.toXML().toString().contains("pubsub#event");
	}

	private static String awaitBody(XmppTestClient client, String prefix) {
		while (true) {
			Message message = client.awaitMessage();
			if (message.getBody() != null && message.getBody().startsWith(prefix)) {
				return message.getBody();
			}
		}
	}

	private static List<Message> drain(XmppTestClient client) {
		List<Message> taken = new ArrayList<>();
		while (client.pendingMessages() > 0) {
			taken.add(client.awaitMessage());
		}
		return taken;
	}

}
