package dev.kindling.presence;

import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;
import org.xmpp.packet.Presence;

import dev.kindling.connection.ComponentConnectedEvent;
import dev.kindling.connection.ComponentEndpoint;
import dev.kindling.testsupport.CapturingXmppTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class PresenceManagerTests {

	private static final JID BOT = new JID("gab@bot.example.com");

	private static final JID ALICE = new JID("alice@example.com/phone");

	private final CapturingXmppTemplate template = new CapturingXmppTemplate("bot.example.com");

	private final InMemorySubscriberStore store = new InMemorySubscriberStore();

	private PresenceManager manager(SubscriptionPolicy policy, SubscriptionApprover approver) {
		return new PresenceManager(this.template, this.store, new PresenceSettings(policy, "Here", true), approver, this);
	}

	private static Presence presence(Presence.Type type, JID from) {
		Presence presence = new Presence(type);
		presence.setFrom(from);
		presence.setTo(BOT);
		return presence;
	}

	private String sent() {
		StringBuilder text = new StringBuilder();
		for (Packet packet : this.template.sent()) {
			Presence presence = (Presence) packet;
			text.append(presence.getType() == null ? "available" : presence.getType().name()).append(' ')
				.append(presence.getFrom()).append("->").append(presence.getTo()).append("; ");
		}
		return text.toString();
	}

	@Test
	void acceptedSubscriptionIsStoredConfirmedAndFollowedByPresence() {
		PresenceManager manager = manager(SubscriptionPolicy.ACCEPT, null);

		assertThat(manager.preRoute(presence(Presence.Type.subscribe, ALICE))).isFalse();

		assertThat(sent()).isEqualTo("subscribed gab@bot.example.com->alice@example.com; "
				+ "available gab@bot.example.com->alice@example.com; ");
		assertThat(((Presence) this.template.sent().get(1)).getStatus()).isEqualTo("Here");
		assertThat(this.store.isSubscribed(BOT, ALICE)).isTrue();
	}

	@Test
	void rejectedAndUnapprovedSubscriptionsGetUnsubscribed() {
		manager(SubscriptionPolicy.REJECT, null).preRoute(presence(Presence.Type.subscribe, ALICE));
		manager(SubscriptionPolicy.ASK, (address, requester) -> requester.getNode().equals("bob"))
			.preRoute(presence(Presence.Type.subscribe, ALICE));
		manager(SubscriptionPolicy.ASK, (address, requester) -> requester.getNode().equals("bob"))
			.preRoute(presence(Presence.Type.subscribe, new JID("bob@example.com")));

		assertThat(sent()).startsWith("unsubscribed gab@bot.example.com->alice@example.com; "
				+ "unsubscribed gab@bot.example.com->alice@example.com; subscribed gab@bot.example.com->bob@example.com; ");
		assertThat(this.store.isSubscribed(BOT, ALICE)).isFalse();
		assertThat(this.store.isSubscribed(BOT, new JID("bob@example.com"))).isTrue();
	}

	@Test
	void probesAreAnsweredForSubscribersAndDecidedByPolicyForOthers() {
		PresenceManager manager = manager(SubscriptionPolicy.ASK, (address, requester) -> "bob".equals(requester.getNode()));
		this.store.add(BOT, ALICE);

		manager.preRoute(presence(Presence.Type.probe, new JID("alice@example.com")));
		manager.preRoute(presence(Presence.Type.probe, new JID("mallory@example.com")));
		manager.preRoute(presence(Presence.Type.probe, new JID("bob@example.com")));

		assertThat(sent()).isEqualTo("available gab@bot.example.com->alice@example.com; "
				+ "unsubscribed gab@bot.example.com->mallory@example.com; "
				+ "available gab@bot.example.com->bob@example.com; ");
		assertThat(this.store.isSubscribed(BOT, new JID("bob@example.com"))).isTrue();
	}

	@Test
	void unsubscribeRemovesAndAvailablePresencesPassToHandlers() {
		PresenceManager manager = manager(SubscriptionPolicy.ACCEPT, null);
		this.store.add(BOT, ALICE);

		assertThat(manager.preRoute(presence(Presence.Type.unsubscribe, ALICE))).isFalse();
		assertThat(this.store.isSubscribed(BOT, ALICE)).isFalse();
		Presence available = new Presence();
		available.setFrom(ALICE);
		available.setTo(BOT);
		assertThat(manager.preRoute(available)).isTrue();
	}

	@Test
	void connectBroadcastsAvailabilityToEverySubscriber() {
		PresenceManager manager = manager(SubscriptionPolicy.ACCEPT, null);
		this.store.add(BOT, ALICE);
		this.store.add(new JID("help@bot.example.com"), new JID("bob@example.com"));

		manager.onApplicationEvent(
				new ComponentConnectedEvent(this, new ComponentEndpoint("localhost", 5347, "bot.example.com", "s"), "id", 1));

		assertThat(sent()).contains("available gab@bot.example.com->alice@example.com; ")
			.contains("available help@bot.example.com->bob@example.com; ");
	}

	@Test
	void receiptRequestsAreAnsweredButNotInRoomsOrForErrors() {
		PresenceManager manager = manager(SubscriptionPolicy.ACCEPT, null);
		Message chat = new Message();
		chat.setType(Message.Type.chat);
		chat.setFrom(ALICE);
		chat.setTo(BOT);
		chat.setID("m1");
		chat.addChildElement("request", PresenceManager.RECEIPTS);
		Message groupchat = chat.createCopy();
		groupchat.setType(Message.Type.groupchat);
		Message noRequest = new Message();
		noRequest.setFrom(ALICE);
		noRequest.setTo(BOT);
		noRequest.setID("m2");

		assertThat(manager.preRoute(chat)).isTrue();
		manager.preRoute(groupchat);
		manager.preRoute(noRequest);

		Message receipt = (Message) this.template.single();
		assertThat(receipt.getTo()).isEqualTo(ALICE);
		assertThat(receipt.getFrom()).isEqualTo(BOT);
		assertThat(receipt.getChildElement("received", PresenceManager.RECEIPTS).attributeValue("id")).isEqualTo("m1");
	}

	@Test
	void chatStatesAroundASlowReply() {
		ChatStates states = new ChatStates(this.template);
		Message question = new Message();
		question.setType(Message.Type.chat);
		question.setFrom(ALICE);
		question.setTo(BOT);
		question.setBody("slow?");
		CompletableFuture<String> work = new CompletableFuture<>();

		CompletableFuture<Message> reply = states.composingWhile(question, () -> work);
		Message composing = (Message) this.template.single();
		assertThat(composing.getChildElement("composing", ChatStates.NAMESPACE)).isNotNull();
		assertThat(composing.getTo()).isEqualTo(ALICE);
		assertThat(reply).isNotDone();

		work.complete("done");
		assertThat(reply.join().getBody()).isEqualTo("done");
		assertThat(reply.join().getTo()).isEqualTo(ALICE);
		assertThat(reply.join().getChildElement("active", ChatStates.NAMESPACE)).isNotNull();
	}

}
