package dev.kindling.boot.it;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jivesoftware.smackx.muc.Occupant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.springframework.context.ConfigurableApplicationContext;
import org.xmpp.forms.DataForm;
import org.xmpp.packet.JID;
import org.xmpp.packet.PacketError;

import dev.kindling.XmppErrorException;
import dev.kindling.connection.ComponentConnection;
import dev.kindling.connection.ConnectionState;
import dev.kindling.health.ComponentHealth;
import dev.kindling.forms.FormBuilder;
import dev.kindling.forms.FormReader;
import dev.kindling.muc.MucRooms;
import dev.kindling.muc.Role;
import dev.kindling.muc.Room;
import dev.kindling.muc.RoomSpec;
import dev.kindling.test.ProsodyExtension;
import dev.kindling.test.XmppTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The MUC helper against a real Prosody, with Smack users in the rooms.
 */
class MucIT {

	private static final Duration WAIT = Duration.ofSeconds(10);

	@RegisterExtension
	static final ProsodyExtension prosody = ProsodyExtension.withUsers("alice", "bob");

	private final List<ConfigurableApplicationContext> bots = new CopyOnWriteArrayList<>();

	private final List<XmppTestClient> clients = new CopyOnWriteArrayList<>();

	@AfterEach
	void stop() {
		this.clients.forEach(XmppTestClient::close);
		this.bots.forEach(ConfigurableApplicationContext::close);
		if (!prosody.server().isRunning()) {
			prosody.server().restart();
		}
	}

	private String room(String name) {
		return name + "@" + prosody.server().mucDomain();
	}

	private ConfigurableApplicationContext bot(String room, String... more) {
		String[] properties = new String[more.length + 4];
		properties[0] = "--xmpp.muc.rooms[0].jid=" + room;
		properties[1] = "--xmpp.muc.rooms[0].nick=bot";
		properties[2] = "--xmpp.muc.rooms[0].join-as=referee@" + prosody.server().componentDomain();
		properties[3] = "--xmpp.muc.rooms[0].required=true";
		System.arraycopy(more, 0, properties, 4, more.length);
		ConfigurableApplicationContext bot = RoomTestBot.start(prosody.server(), properties);
		this.bots.add(bot);
		return bot;
	}

	private static Room joined(ConfigurableApplicationContext bot, String room) {
		MucRooms rooms = bot.getBean(MucRooms.class);
		await().atMost(WAIT).until(() -> rooms.room(new JID(room)).map(Room::isJoined).orElse(false));
		return rooms.room(new JID(room)).orElseThrow();
	}

	private XmppTestClient user(String name) {
		XmppTestClient client = XmppTestClient.login(prosody.server(), name, name);
		this.clients.add(client);
		return client;
	}

	private static MultiUserChat enter(XmppTestClient client, String room, String nick) throws Exception {
		MultiUserChat muc = MultiUserChatManager.getInstanceFor(client.connection())
			.getMultiUserChat(JidCreate.entityBareFrom(room));
		muc.createOrJoin(Resourcepart.from(nick));
		return muc;
	}

	/** Skip messages until one matches; fail after the wait. */
	private static Message awaitMessage(XmppTestClient client, Predicate<Message> wanted) {
		long deadline = System.nanoTime() + WAIT.toNanos();
		while (true) {
			Message message = client.awaitMessage(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
			if (wanted.test(message)) {
				return message;
			}
		}
	}

	private static Message awaitBody(XmppTestClient client, String body) {
		return awaitMessage(client, (message) -> body.equals(message.getBody()));
	}

	@Test
	void joinsConfiguredRoomGreetsAndAnswersCommandsWithoutSeeingItself() throws Exception {
		String lobby = room("lobby");
		ConfigurableApplicationContext bot = bot(lobby);
		Room room = joined(bot, lobby);
		assertThat(room.self()).hasValueSatisfying((self) -> assertThat(self.role()).isEqualTo(Role.MODERATOR));

		XmppTestClient alice = user("alice");
		MultiUserChat muc = enter(alice, lobby, "alice");
		awaitBody(alice, "Welcome, alice!");
		muc.sendMessage("!ping");
		Message pong = awaitBody(alice, "pong");
		assertThat(pong.getType()).isEqualTo(Message.Type.groupchat);
		assertThat(pong.getFrom().toString()).isEqualTo(lobby + "/bot");

		await().atMost(WAIT).until(() -> room.occupant("alice").isPresent());
		dev.kindling.muc.Occupant occupant = room.occupant("alice").orElseThrow();
		assertThat(occupant.role()).isEqualTo(Role.PARTICIPANT);
		assertThat(occupant.realJid()).isNotNull();
		assertThat(occupant.realJid().toBareJID()).isEqualTo("alice@" + prosody.server().domain());

		muc.sendMessage("hello everyone");
		RoomTestBot.Handlers handlers = bot.getBean(RoomTestBot.Handlers.class);
		await().atMost(WAIT).until(() -> handlers.delivered.contains("lobby alice: hello everyone"));
		// The bot's own "pong" and greeting came back to it as reflections; no handler saw them.
		assertThat(handlers.delivered).containsExactly("lobby alice: !ping", "lobby alice: hello everyone");
	}

	@Test
	void privateCommandBindsOccupantAndUnhandledPrivateChatGetsNoErrorThatWouldKick() throws Exception {
		String lobby = room("lobby");
		ConfigurableApplicationContext bot = bot(lobby);
		joined(bot, lobby);
		XmppTestClient alice = user("alice");
		MultiUserChat muc = enter(alice, lobby, "alice");
		awaitBody(alice, "Welcome, alice!");

		alice.sendChat(lobby + "/bot", "something no handler takes");
		alice.sendChat(lobby + "/bot", "!whoami");

		Message reply = awaitMessage(alice, (message) -> message.getBody() != null && message.getBody().startsWith("you are"));
		assertThat(reply.getBody()).isEqualTo("you are alice, a participant");
		assertThat(reply.getFrom().toString()).isEqualTo(lobby + "/bot");
		assertThat(muc.isJoined()).isTrue();
		assertThat(muc.getOccupants()).extracting((jid) -> jid.getResourceOrEmpty().toString()).contains("alice", "bot");
	}

	@Test
	void topicOnlyForModeratorsAndModerationByTheBot() throws Exception {
		String lobby = room("mods");
		ConfigurableApplicationContext bot = bot(lobby);
		Room room = joined(bot, lobby);
		XmppTestClient alice = user("alice");
		XmppTestClient bob = user("bob");
		MultiUserChat aliceMuc = enter(alice, lobby, "alice");
		MultiUserChat bobMuc = enter(bob, lobby, "bob");
		awaitBody(bob, "Welcome, bob!");

		aliceMuc.sendMessage("!topic Alice rules");
		awaitBody(alice, "Sorry alice, only moderators may change the topic.");

		room.grantModerator("alice").get(10, TimeUnit.SECONDS);
		await().atMost(WAIT).until(() -> room.occupant("alice").map((o) -> o.role() == Role.MODERATOR).orElse(false));
		aliceMuc.sendMessage("!topic Alice rules");
		await().atMost(WAIT).until(() -> "Alice rules".equals(bobMuc.getSubject()));
		assertThat(room.subject()).contains("Alice rules");

		room.kick("bob", "testing").get(10, TimeUnit.SECONDS);
		await().atMost(WAIT).until(() -> !bobMuc.isJoined());
		await().atMost(WAIT).until(() -> room.occupant("bob").isEmpty());
		assertThat(aliceMuc.getOccupants()).extracting((jid) -> jid.getResourceOrEmpty().toString())
			.doesNotContain("bob");
	}

	@Test
	void moderationWithoutRightsFailsWithTheRoomsError() throws Exception {
		String alicesRoom = room("alices");
		XmppTestClient alice = user("alice");
		MultiUserChat muc = MultiUserChatManager.getInstanceFor(alice.connection())
			.getMultiUserChat(JidCreate.entityBareFrom(alicesRoom));
		muc.create(Resourcepart.from("alice")).makeInstant();
		ConfigurableApplicationContext bot = bot(alicesRoom);
		Room room = joined(bot, alicesRoom);
		assertThat(room.self()).hasValueSatisfying((self) -> assertThat(self.role()).isEqualTo(Role.PARTICIPANT));

		assertThatExceptionOfType(Exception.class).isThrownBy(() -> room.kick("alice", null).get(10, TimeUnit.SECONDS))
			.havingRootCause()
			.isInstanceOfSatisfying(XmppErrorException.class, (ex) -> assertThat(ex.getCondition())
				.isIn(PacketError.Condition.not_allowed, PacketError.Condition.forbidden));
		assertThatExceptionOfType(Exception.class).isThrownBy(() -> room.requestConfiguration().get(10, TimeUnit.SECONDS))
			.havingRootCause()
			.isInstanceOf(XmppErrorException.class);
		assertThatExceptionOfType(Exception.class)
			.isThrownBy(() -> room.changeSubject("not mine").get(10, TimeUnit.SECONDS))
			.havingRootCause()
			.isInstanceOfSatisfying(XmppErrorException.class,
					(ex) -> assertThat(ex.getCondition()).isEqualTo(PacketError.Condition.forbidden));
		assertThat(muc.getOccupants()).extracting((jid) -> jid.getResourceOrEmpty().toString()).contains("bot");
	}

	@Test
	void takenNickIsResolvedBySuffix() throws Exception {
		String lobby = room("crowded");
		XmppTestClient alice = user("alice");
		enter(alice, lobby, "bot");

		ConfigurableApplicationContext bot = bot(lobby);
		Room room = joined(bot, lobby);

		assertThat(room.nick()).isEqualTo("bot_2");
		assertThat(room.occupants()).extracting(dev.kindling.muc.Occupant::nick).contains("bot", "bot_2");
	}

	@Test
	void takenNickFailsTheJoinWhenConfiguredTo() throws Exception {
		String lobby = room("strict");
		XmppTestClient alice = user("alice");
		enter(alice, lobby, "bot");

		ConfigurableApplicationContext bot = bot(lobby, "--xmpp.muc.nick-conflict=fail", "--xmpp.muc.self-ping-interval=0");
		MucRooms rooms = bot.getBean(MucRooms.class);
		Room room = rooms.room(new JID(lobby)).orElseThrow();
		await().atMost(WAIT).until(() -> bot.getBean(ComponentConnection.class).getState() == ConnectionState.CONNECTED);

		assertThatExceptionOfType(Exception.class)
			.isThrownBy(() -> rooms.join(room.spec()).get(10, TimeUnit.SECONDS))
			.havingRootCause()
			.isInstanceOfSatisfying(XmppErrorException.class,
					(ex) -> assertThat(ex.getCondition()).isEqualTo(PacketError.Condition.conflict));
		assertThat(room.isJoined()).isFalse();
		assertThat(rooms.requiredRoomsJoined()).isFalse();
	}

	@Test
	void configurationFormRoundTrip() throws Exception {
		String lobby = room("configured");
		ConfigurableApplicationContext bot = bot(lobby);
		Room room = joined(bot, lobby);

		DataForm form = room.requestConfiguration().get(10, TimeUnit.SECONDS);
		assertThat(FormReader.of(form).formType()).contains("http://jabber.org/protocol/muc#roomconfig");
		room.submitConfiguration(FormBuilder.answering(form).text("muc#roomconfig_roomname", "The Configured Room")
			.bool("muc#roomconfig_persistentroom", true)
			.build()).get(10, TimeUnit.SECONDS);

		FormReader again = FormReader.of(room.requestConfiguration().get(10, TimeUnit.SECONDS));
		assertThat(again.text("muc#roomconfig_roomname")).contains("The Configured Room");
		assertThat(again.bool("muc#roomconfig_persistentroom")).contains(true);
		room.destroy("done").get(10, TimeUnit.SECONDS);
		await().atMost(WAIT).until(() -> bot.getBean(MucRooms.class).room(new JID(lobby)).isEmpty());
	}

	@Test
	void configuredFormIsSubmittedWhenTheBotCreatesTheRoom() throws Exception {
		String lobby = room("named");
		ConfigurableApplicationContext bot = bot(lobby,
				"--xmpp.muc.rooms[0].configuration[muc#roomconfig_roomname]=Named by properties");
		Room room = joined(bot, lobby);

		FormReader config = FormReader.of(room.requestConfiguration().get(10, TimeUnit.SECONDS));
		assertThat(config.text("muc#roomconfig_roomname")).contains("Named by properties");
	}

	@Test
	void invitationIsAcceptedWhenConfigured() throws Exception {
		String party = room("party");
		XmppTestClient alice = user("alice");
		MultiUserChat muc = MultiUserChatManager.getInstanceFor(alice.connection())
			.getMultiUserChat(JidCreate.entityBareFrom(party));
		muc.create(Resourcepart.from("alice")).makeInstant();
		ConfigurableApplicationContext bot = bot(room("lobby"), "--xmpp.muc.accept-invitations=true",
				"--xmpp.muc.nick=guest");
		joined(bot, room("lobby"));

		muc.invite(JidCreate.entityBareFrom("host@" + prosody.server().componentDomain()), "come along");

		await().atMost(WAIT).until(() -> muc.getOccupants().stream()
			.anyMatch((jid) -> "guest".equals(jid.getResourceOrEmpty().toString())));
		Room joined = joined(bot, party);
		assertThat(joined.occupantJid().toBareJID()).isEqualTo("host@" + prosody.server().componentDomain());
		RoomTestBot.Handlers handlers = bot.getBean(RoomTestBot.Handlers.class);
		assertThat(handlers.invitations).singleElement()
			.satisfies((event) -> assertThat(event.getReason()).isEqualTo("come along"));
		Occupant guest = muc.getOccupant(JidCreate.entityFullFrom(party + "/guest"));
		assertThat(guest).isNotNull();
	}

	@Test
	void historyIsNotReplayedWhenTheBotRestarts() throws Exception {
		String lobby = room("history");
		ConfigurableApplicationContext first = bot(lobby);
		joined(first, lobby);
		XmppTestClient alice = user("alice");
		MultiUserChat muc = enter(alice, lobby, "alice");
		awaitBody(alice, "Welcome, alice!");
		muc.sendMessage("!ping");
		awaitBody(alice, "pong");
		muc.sendMessage("!ping");
		awaitBody(alice, "pong");
		first.close();
		await().atMost(WAIT).until(() -> muc.getOccupants().stream()
			.noneMatch((jid) -> "bot".equals(jid.getResourceOrEmpty().toString())));

		ConfigurableApplicationContext second = bot(lobby);
		joined(second, lobby);
		muc.sendMessage("after restart");

		RoomTestBot.Handlers handlers = second.getBean(RoomTestBot.Handlers.class);
		await().atMost(WAIT).until(() -> handlers.delivered.contains("history alice: after restart"));
		assertThat(handlers.delivered).containsExactly("history alice: after restart");
	}

	@Test
	void roomsAreRejoinedAfterTheServerIsKilledAndRestarted() throws Exception {
		String lobby = room("phoenix");
		ConfigurableApplicationContext bot = bot(lobby);
		MucRooms rooms = bot.getBean(MucRooms.class);
		joined(bot, lobby);
		assertThat(rooms.requiredRoomsJoined()).isTrue();

		ComponentHealth health = bot.getBean(ComponentHealth.class);
		assertThat(health.check().isDown()).isFalse();

		prosody.server().kill();
		await().atMost(WAIT).until(() -> !rooms.requiredRoomsJoined());
		assertThat(health.check().isDown()).isTrue();
		assertThat(rooms.status()).containsKey(lobby);
		prosody.server().restart();

		// The stream is back before the room is: health stays DOWN until the room is joined again.
		await().atMost(WAIT).until(() -> bot.getBean(ComponentConnection.class).getState() == ConnectionState.CONNECTED);
		await().atMost(WAIT).until(() -> !health.check().isDown());
		assertThat(rooms.room(new JID(lobby)).orElseThrow().isJoined()).isTrue();
		XmppTestClient alice = user("alice");
		MultiUserChat muc = enter(alice, lobby, "alice");
		awaitBody(alice, "Welcome, alice!");
		muc.sendMessage("!ping");
		awaitBody(alice, "pong");
	}

	@Test
	void selfPingAgainstTheRealServerKeepsAJoinedRoomWithoutRejoining() throws Exception {
		String lobby = room("pinged");
		ConfigurableApplicationContext bot = bot(lobby, "--xmpp.muc.self-ping-interval=200ms");
		Room room = joined(bot, lobby);
		RoomTestBot.Requests requests = bot.getBean(RoomTestBot.Requests.class);
		String occupant = lobby + "/bot";

		await().atMost(WAIT).until(() -> requests.completed.stream()
			.filter((line) -> line.startsWith("urn:xmpp:ping " + occupant + " ")).count() >= 3);

		assertThat(requests.completed).filteredOn((line) -> line.startsWith("urn:xmpp:ping " + occupant))
			.allSatisfy((line) -> assertThat(line).doesNotEndWith("TIMEOUT"));
		assertThat(room.isJoined()).isTrue();
		// One join presence to the room: the pings found the bot in and triggered no rejoin.
		assertThat(requests.sent).filteredOn((stanza) -> stanza instanceof org.xmpp.packet.Presence
				&& stanza.getTo() != null && stanza.getTo().toBareJID().equals(lobby))
			.hasSize(1);
	}

	@Test
	void joinAtRunTimeAndLeave() throws Exception {
		String lobby = room("lobby");
		ConfigurableApplicationContext bot = bot(lobby);
		joined(bot, lobby);
		MucRooms rooms = bot.getBean(MucRooms.class);
		String extra = room("extra");
		XmppTestClient alice = user("alice");
		MultiUserChat muc = enter(alice, extra, "alice");

		Room room = rooms.join(RoomSpec.of(new JID(extra), "helper", new JID("helper@" + prosody.server().componentDomain())))
			.get(10, TimeUnit.SECONDS);
		room.send("hi from the helper");
		awaitBody(alice, "hi from the helper");
		assertThat(room.occupant("alice")).isPresent();

		rooms.leave(new JID(extra));
		await().atMost(WAIT).until(() -> muc.getOccupants().stream()
			.noneMatch((jid) -> "helper".equals(jid.getResourceOrEmpty().toString())));
		assertThat(rooms.room(new JID(extra))).isEmpty();
	}

}
