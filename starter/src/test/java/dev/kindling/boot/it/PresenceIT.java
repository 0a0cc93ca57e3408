package dev.kindling.boot.it;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.roster.RosterEntry;
import org.jivesoftware.smackx.receipts.DeliveryReceipt;
import org.jivesoftware.smackx.receipts.DeliveryReceiptRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.springframework.context.ConfigurableApplicationContext;
import org.xmpp.packet.JID;

import dev.kindling.connection.ComponentConnection;
import dev.kindling.connection.ConnectionState;
import dev.kindling.presence.PresenceManager;
import dev.kindling.test.ProsodyExtension;
import dev.kindling.test.XmppTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Subscriptions, probes, presence broadcasts and receipts between Smack users and the component.
 */
class PresenceIT {

	private static final Duration WAIT = Duration.ofSeconds(10);

	@RegisterExtension
	static final ProsodyExtension prosody = ProsodyExtension.withUsers("alice", "bob");

	private final List<ConfigurableApplicationContext> bots = new CopyOnWriteArrayList<>();

	private final List<XmppTestClient> clients = new CopyOnWriteArrayList<>();

	@AfterEach
	void stop() {
		this.clients.forEach(XmppTestClient::close);
		this.bots.forEach(ConfigurableApplicationContext::close);
	}

	private ConfigurableApplicationContext bot(String... properties) {
		ConfigurableApplicationContext bot = TestBot.start(prosody.server(), properties);
		this.bots.add(bot);
		ComponentConnection connection = bot.getBean(ComponentConnection.class);
		await().atMost(WAIT).until(() -> connection.getState() == ConnectionState.CONNECTED);
		return bot;
	}

	private XmppTestClient user(String name) {
		XmppTestClient client = XmppTestClient.login(prosody.server(), name, name);
		this.clients.add(client);
		return client;
	}

	private BareJid botJid() throws Exception {
		return JidCreate.bareFrom("gab@" + prosody.server().componentDomain());
	}

	@Test
	void subscriptionIsAcceptedAndTheBotsPresenceFollowsItsLife() throws Exception {
		ConfigurableApplicationContext bot = bot("--xmpp.presence.status=Ready to chat");
		XmppTestClient alice = user("alice");
		Roster roster = Roster.getInstanceFor(alice.connection());

		roster.createItemAndRequestSubscription(botJid(), "Gab", null);

		await().atMost(WAIT).until(() -> roster.getPresence(botJid()).isAvailable());
		assertThat(roster.getPresence(botJid()).getStatus()).isEqualTo("Ready to chat");
		RosterEntry entry = roster.getEntry(botJid());
		await().atMost(WAIT).until(() -> roster.getEntry(botJid()).canSeeHisPresence());
		assertThat(entry).isNotNull();
		assertThat(bot.getBean(PresenceManager.class).store()
			.isSubscribed(new JID("gab@" + prosody.server().componentDomain()), new JID("alice@" + prosody.server().domain())))
			.isTrue();

		// A fresh login makes the server probe the bot, which answers for its subscriber.
		alice.close();
		XmppTestClient again = user("alice");
		Roster rosterAgain = Roster.getInstanceFor(again.connection());
		await().atMost(WAIT).until(() -> rosterAgain.getPresence(botJid()).isAvailable());

		bot.close();
		await().atMost(WAIT).until(() -> !rosterAgain.getPresence(botJid()).isAvailable());
	}

	@Test
	void rejectPolicyRefusesTheSubscription() throws Exception {
		ConfigurableApplicationContext bot = bot("--xmpp.presence.subscription-policy=reject");
		XmppTestClient bob = user("bob");
		Roster roster = Roster.getInstanceFor(bob.connection());

		roster.createItemAndRequestSubscription(botJid(), "Gab", null);

		await().atMost(WAIT).until(() -> {
			RosterEntry entry = roster.getEntry(botJid());
			return entry != null && !entry.isSubscriptionPending();
		});
		assertThat(roster.getEntry(botJid()).canSeeHisPresence()).isFalse();
		assertThat(roster.getPresence(botJid()).isAvailable()).isFalse();
		assertThat(bot.getBean(PresenceManager.class).store().all()).isEmpty();
	}

	@Test
	void receiptRequestsAreAnsweredAndTheReplyGoesToTheFullJidThatWrote() throws Exception {
		bot();
		XmppTestClient alice = user("alice");
		Message message = alice.connection().getStanzaFactory().buildMessageStanza()
			.to(JidCreate.entityBareFrom("echo@" + prosody.server().componentDomain()))
			.ofType(Message.Type.chat)
			.setBody("receipt please")
			.addExtension(new DeliveryReceiptRequest())
			.build();
		alice.send(message);

		List<Message> received = alice.awaitMessages(2, WAIT);
		assertThat(received).anySatisfy((answer) -> {
			DeliveryReceipt receipt = answer.getExtension(DeliveryReceipt.class);
			assertThat(receipt).isNotNull();
			assertThat(receipt.getId()).isEqualTo(message.getStanzaId());
		});
		assertThat(received).anySatisfy((answer) -> {
			assertThat(answer.getBody()).isEqualTo("receipt please");
			assertThat(answer.getTo().toString()).isEqualTo(alice.jid().toString());
		});
	}

}
