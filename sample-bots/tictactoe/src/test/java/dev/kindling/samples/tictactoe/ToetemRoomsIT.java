package dev.kindling.samples.tictactoe;

import java.time.Duration;

import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jivesoftware.smackx.muc.packet.MUCUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import dev.kindling.connection.ComponentConnection;
import dev.kindling.connection.ConnectionState;
import dev.kindling.devserver.ProsodyServer;
import dev.kindling.muc.MucRooms;

import static dev.kindling.samples.tictactoe.ToetemClient.attribute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A room per game on the dev server's MUC service: both players are invited, the referee posts
 * each move there, and the room goes {@code toetem.rooms.linger} (1 s here) after the game ends.
 */
@SpringBootTest(webEnvironment = WebEnvironment.NONE, properties = { "toetem.forfeit-grace=1s", "toetem.rooms.linger=1s" })
class ToetemRoomsIT {

	@Autowired
	ProsodyServer devServer;

	@Autowired
	ComponentConnection connection;

	@Autowired
	MucRooms muc;

	@BeforeEach
	void connected() {
		await().atMost(Duration.ofSeconds(10)).until(() -> this.connection.getState() == ConnectionState.CONNECTED);
	}

	@Test
	void playersAreInvitedToTheGamesRoomWhereEachMoveIsPosted() throws Exception {
		try (ToetemClient alice = ToetemClient.login(this.devServer, "alice");
				ToetemClient bob = ToetemClient.login(this.devServer, "bob");
				ToetemClient carol = ToetemClient.login(this.devServer, "carol")) {
			bob.request("join", "");
			String started = alice.request("start", "opponent='bob@localhost'");
			String id = attribute(started, "id");
			String room = id + "@conference.localhost";
			assertThat(attribute(started, "room")).isEqualTo(room);
			assertThat(alice.awaitEvent().getAttributeValue("room")).isEqualTo(room);

			for (ToetemClient player : new ToetemClient[] { alice, bob }) {
				Message invitation = player.awaitMessage((message) -> MUCUser.from(message) != null
						&& MUCUser.from(message).getInvite() != null);
				assertThat(invitation.getFrom().toString()).isEqualTo(room);
				assertThat(MUCUser.from(invitation).getInvite().getReason())
					.isEqualTo("Game " + id + ": alice@localhost vs bob@localhost");
			}
			// Anybody may come in and follow the game as chat: a player and someone only watching.
			for (ToetemClient occupant : new ToetemClient[] { bob, carol }) {
				MultiUserChat chat = MultiUserChatManager.getInstanceFor(occupant.client().connection())
					.getMultiUserChat(JidCreate.entityBareFrom(room));
				chat.join(Resourcepart.from(occupant.client().jid().getLocalpart().toString()));
			}

			alice.request("move", "game='" + id + "' cell='4'");

			for (ToetemClient occupant : new ToetemClient[] { bob, carol }) {
				Message posted = occupant.awaitMessage((message) -> message.getType() == Message.Type.groupchat
						&& message.getBody() != null && message.getBody().contains("-X-"));
				assertThat(posted.getFrom().toString()).isEqualTo(room + "/referee");
				assertThat(posted.getBody())
					.isEqualTo("Game " + id + ", alice@localhost vs bob@localhost: bob@localhost (O) to move\n---\n-X-\n---");
			}

			bob.request("resign", "game='" + id + "'");
			Message over = carol.awaitMessage((message) -> message.getType() == Message.Type.groupchat
					&& message.getBody() != null && message.getBody().contains("wins by resignation"));
			assertThat(over.getBody()).startsWith("Game " + id + ", alice@localhost vs bob@localhost: alice@localhost (X) wins");

			// The referee destroys the room after the linger time: its occupants are told, it is gone.
			await().atMost(Duration.ofSeconds(10)).until(() -> this.muc.room(new org.xmpp.packet.JID(room)).isEmpty());
			assertThat(attribute(alice.state(id), "room")).isNull();
		}
	}

}
