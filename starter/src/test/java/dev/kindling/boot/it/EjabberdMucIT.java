package dev.kindling.boot.it;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.xmpp.packet.JID;

import dev.kindling.connection.ComponentConnection;
import dev.kindling.muc.MucRooms;
import dev.kindling.muc.Role;
import dev.kindling.muc.Room;
import dev.kindling.test.EjabberdExtension;
import dev.kindling.test.XmppTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The MUC helper against a real ejabberd, whose MUC differs from Prosody's: a join's first
 * presence comes from the room's bare address, the self-presence has no occupant-id, and rooms
 * are never locked.
 */
class EjabberdMucIT {

	private static final Duration WAIT = Duration.ofSeconds(10);

	@RegisterExtension
	static final EjabberdExtension ejabberd = EjabberdExtension.withUsers("alice");

	private final List<ConfigurableApplicationContext> bots = new CopyOnWriteArrayList<>();

	private final List<XmppTestClient> clients = new CopyOnWriteArrayList<>();

	@AfterEach
	void stop() {
		this.clients.forEach(XmppTestClient::close);
		this.bots.forEach(ConfigurableApplicationContext::close);
	}

	@Test
	void joinsAConfiguredRoomGreetsAndAnswersACommand() throws Exception {
		String lobby = "lobby@" + ejabberd.server().mucDomain();
		ConfigurableApplicationContext bot = bot(lobby);
		Room room = joined(bot, lobby);
		assertThat(room.self()).hasValueSatisfying((self) -> assertThat(self.role()).isEqualTo(Role.MODERATOR));

		XmppTestClient alice = XmppTestClient.login(ejabberd.server(), "alice", "alice");
		this.clients.add(alice);
		MultiUserChat muc = MultiUserChatManager.getInstanceFor(alice.connection())
			.getMultiUserChat(JidCreate.entityBareFrom(lobby));
		muc.join(Resourcepart.from("alice"));
		awaitBody(alice, "Welcome, alice!");
		muc.sendMessage("!ping");
		Message pong = awaitBody(alice, "pong");
		assertThat(pong.getFrom().toString()).isEqualTo(lobby + "/bot");

		await().atMost(WAIT).until(() -> room.occupant("alice").isPresent());
		assertThat(room.occupant("alice").orElseThrow().realJid().toBareJID())
			.isEqualTo("alice@" + ejabberd.server().domain());
		RoomTestBot.Handlers handlers = bot.getBean(RoomTestBot.Handlers.class);
		assertThat(handlers.delivered).containsExactly("lobby alice: !ping");
	}

	@Test
	void aComponentThatReconnectsRejoinsOverItsGhostAndAnswersOnce() throws Exception {
		String lobby = "phoenix@" + ejabberd.server().mucDomain();
		ConfigurableApplicationContext bot = bot(lobby);
		joined(bot, lobby);
		XmppTestClient alice = XmppTestClient.login(ejabberd.server(), "alice", "alice");
		this.clients.add(alice);
		MultiUserChat muc = MultiUserChatManager.getInstanceFor(alice.connection())
			.getMultiUserChat(JidCreate.entityBareFrom(lobby));
		muc.join(Resourcepart.from("alice"));
		awaitBody(alice, "Welcome, alice!");
		ComponentConnection connection = bot.getBean(ComponentConnection.class);
		long connections = connection.publishedEvents().connected();

		// ejabberd keeps the old session's occupant in the room (Prosody kicks it at the next message).
		connection.reconnect(new IOException("dropped by the test"));

		await().atMost(WAIT).until(() -> connection.publishedEvents().connected() > connections);
		Room room = joined(bot, lobby);
		await().atMost(WAIT).until(() -> bot.getBean(MucRooms.class).requiredRoomsJoined());
		assertThat(room.nick()).isEqualTo("bot");
		muc.sendMessage("!ping");
		assertThat(awaitBody(alice, "pong").getFrom().toString()).isEqualTo(lobby + "/bot");
		muc.sendMessage("after the pong");
		awaitMessage(alice, (message) -> "after the pong".equals(message.getBody()));
		assertThat(alice.pendingMessages()).as("no second pong, no error").isZero();
		assertThat(muc.getOccupants()).extracting((jid) -> jid.getResourceOrEmpty().toString())
			.containsExactlyInAnyOrder("alice", "bot");
	}

	@Test
	void selfPingKeepsTheRoomWithoutRejoining() {
		String lobby = "pinged@" + ejabberd.server().mucDomain();
		ConfigurableApplicationContext bot = bot(lobby, "--xmpp.muc.self-ping-interval=200ms");
		Room room = joined(bot, lobby);
		RoomTestBot.Requests requests = bot.getBean(RoomTestBot.Requests.class);
		String occupant = lobby + "/bot";

		await().atMost(WAIT).until(() -> requests.completed.stream()
			.filter((line) -> line.startsWith("urn:xmpp:ping " + occupant + " "))
			.count() >= 3);

		assertThat(requests.completed).filteredOn((line) -> line.startsWith("urn:xmpp:ping " + occupant))
			.allSatisfy((line) -> assertThat(line).doesNotEndWith("TIMEOUT"));
		assertThat(room.isJoined()).isTrue();
		assertThat(requests.sent).filteredOn((stanza) -> stanza instanceof org.xmpp.packet.Presence
				&& stanza.getTo() != null && stanza.getTo().toBareJID().equals(lobby))
			.hasSize(1);
	}

	private ConfigurableApplicationContext bot(String room, String... more) {
		String[] properties = new String[more.length + 4];
		properties[0] = "--xmpp.muc.rooms[0].jid=" + room;
		properties[1] = "--xmpp.muc.rooms[0].nick=bot";
		properties[2] = "--xmpp.muc.rooms[0].join-as=referee@" + ejabberd.server().componentDomain();
		properties[3] = "--xmpp.muc.rooms[0].required=true";
		System.arraycopy(more, 0, properties, 4, more.length);
		ConfigurableApplicationContext bot = new SpringApplicationBuilder(RoomTestBot.class)
			.web(WebApplicationType.NONE)
			.properties(Map.of("xmpp.component.host", ejabberd.server().host(), "xmpp.component.port",
					ejabberd.server().componentPort(), "xmpp.component.domain", ejabberd.server().componentDomain(),
					"xmpp.component.secret", ejabberd.server().componentSecret(), "xmpp.component.backoff.min-delay",
					"200ms", "xmpp.component.backoff.max-delay", "1s", "spring.main.banner-mode", "off"))
			.run(properties);
		this.bots.add(bot);
		return bot;
	}

	private static Room joined(ConfigurableApplicationContext bot, String room) {
		MucRooms rooms = bot.getBean(MucRooms.class);
		await().atMost(WAIT).until(() -> rooms.room(new JID(room)).map(Room::isJoined).orElse(false));
		return rooms.room(new JID(room)).orElseThrow();
	}

	private static Message awaitBody(XmppTestClient client, String body) {
		return awaitMessage(client, (message) -> body.equals(message.getBody()));
	}

	private static Message awaitMessage(XmppTestClient client, Predicate<Message> wanted) {
		long deadline = System.nanoTime() + WAIT.toNanos();
		while (true) {
			Message message = client.awaitMessage(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
			if (wanted.test(message)) {
				return message;
			}
		}
	}

}
