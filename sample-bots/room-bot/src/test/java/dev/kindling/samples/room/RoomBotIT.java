package dev.kindling.samples.room;

import java.time.Duration;
import java.util.function.Predicate;

import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import dev.kindling.devserver.ProsodyServer;
import dev.kindling.muc.MucRooms;
import dev.kindling.test.XmppTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sample as a newcomer runs it: on the dev server, with a real client in the default room.
 */
@SpringBootTest
class RoomBotIT {

	@Autowired
	ProsodyServer devServer;

	@Autowired
	MucRooms rooms;

	@BeforeEach
	void inTheLobby() {
		await().atMost(Duration.ofSeconds(10)).until(this.rooms::requiredRoomsJoined);
	}

	private static Message awaitBody(XmppTestClient client, Predicate<String> body) {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (true) {
			Message message = client.awaitMessage(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
			if (message.getBody() != null && body.test(message.getBody())) {
				return message;
			}
		}
	}

	@Test
	void greetsAnswersCommandsAndRefusesTopicToNonModerators() throws Exception {
		try (XmppTestClient alice = XmppTestClient.login(this.devServer, "alice", "alice")) {
			MultiUserChat lobby = MultiUserChatManager.getInstanceFor(alice.connection())
				.getMultiUserChat(JidCreate.entityBareFrom("lobby@conference.localhost"));
			lobby.join(Resourcepart.from("alice"));
			awaitBody(alice, (body) -> body.startsWith("Welcome, alice!"));

			lobby.sendMessage("!ping");
			assertThat(awaitBody(alice, "pong"::equals).getFrom().toString()).isEqualTo("lobby@conference.localhost/RoomBot");
			lobby.sendMessage("!roll 6");
			assertThat(awaitBody(alice, (body) -> body.startsWith("alice rolled")).getBody()).matches("alice rolled [1-6] \\(d6\\)");
			lobby.sendMessage("!help");
			assertThat(awaitBody(alice, (body) -> body.startsWith("Commands:")).getBody()).isEqualTo("""
					Commands:
					!help [command…] - Lists the commands, or tells how to use one
					!ping - Answers pong
					!roll <sides> - Rolls a die for you
					!topic <text…> - Changes the room's topic (moderators only)""");
			lobby.sendMessage("!roll 1");
			awaitBody(alice, "alice: sides must be greater than or equal to 2"::equals);
			lobby.sendMessage("!topic Free cake");
			awaitBody(alice, "Sorry alice, only moderators may change the topic."::equals);

			alice.sendChat("lobby@conference.localhost/RoomBot", "!whoami");
			assertThat(awaitBody(alice, (body) -> body.startsWith("You are")).getBody())
				.isEqualTo("You are alice in lobby: participant, none.");
		}
	}

	@Test
	void acceptsInvitations() throws Exception {
		try (XmppTestClient bob = XmppTestClient.login(this.devServer, "bob", "bob")) {
			MultiUserChat party = MultiUserChatManager.getInstanceFor(bob.connection())
				.getMultiUserChat(JidCreate.entityBareFrom("party@conference.localhost"));
			party.create(Resourcepart.from("bob")).makeInstant();
			party.invite(JidCreate.entityBareFrom("roombot@rooms.localhost"), "join us");

			await().atMost(Duration.ofSeconds(10)).until(() -> party.getOccupants().stream()
				.anyMatch((jid) -> "RoomBot".equals(jid.getResourceOrEmpty().toString())));
			party.sendMessage("!ping");
			awaitBody(bob, "pong"::equals);
		}
	}

}
