package dev.kindling.samples.tictactoe;

import java.time.Duration;

import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StandardExtensionElement;
import org.jivesoftware.smack.packet.StanzaError;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import dev.kindling.connection.ComponentConnection;
import dev.kindling.connection.ConnectionState;
import dev.kindling.devserver.ProsodyServer;

import static dev.kindling.samples.tictactoe.ToetemClient.attribute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The referee as a newcomer runs it: on the dev server (a real Prosody started by the
 * application), two Smack clients logged in as demo users play a full game to a win. They send the
 * referee no presence, as a client that knows nothing of it would not.
 */
@SpringBootTest(webEnvironment = WebEnvironment.NONE)
class ToetemIT {

	@Autowired
	ProsodyServer devServer;

	@Autowired
	ComponentConnection connection;

	@Autowired
	GameReload reload;

	@BeforeEach
	void connected() {
		await().atMost(Duration.ofSeconds(10)).until(() -> this.connection.getState() == ConnectionState.CONNECTED);
		// Until the stored games are back, game requests are refused with a wait error.
		await().atMost(Duration.ofSeconds(10)).until(this.reload::isLoaded);
	}

	@Test
	void twoPlayersPlayAFullGameToAWin() {
		try (ToetemClient alice = ToetemClient.connect(this.devServer, "alice");
				ToetemClient bob = ToetemClient.connect(this.devServer, "bob")) {
			bob.request("join", "");
			String started = alice.request("start", "opponent='bob@localhost'");
			String id = attribute(started, "id");
			assertThat(attribute(started, "x")).isEqualTo("alice@localhost");
			assertThat(attribute(started, "o")).isEqualTo("bob@localhost");
			assertBothSee(alice, bob, id, "---------", "playing");

			play(alice, bob, id, alice, 4, "----X----");
			// Bob tries to take the centre: refused, and nobody hears of it.
			assertThat(bob.refused("move", "game='" + id + "' cell='4'").getCondition())
				.isEqualTo(StanzaError.Condition.not_acceptable);
			assertThat(alice.refused("move", "game='" + id + "' cell='0'").getCondition())
				.isEqualTo(StanzaError.Condition.not_allowed);
			play(alice, bob, id, bob, 0, "O---X----");
			play(alice, bob, id, alice, 2, "O-X-X----");
			play(alice, bob, id, bob, 1, "OOX-X----");

			String won = alice.request("move", "game='" + id + "' cell='6'");
			assertThat(attribute(won, "board")).isEqualTo("OOX-X-X--");
			assertThat(attribute(won, "status")).isEqualTo("x-won");
			assertThat(attribute(won, "winner")).isEqualTo("alice@localhost");
			for (ToetemClient player : new ToetemClient[] { alice, bob }) {
				Message result = player.awaitMessage(ToetemClient::isEvent);
				assertThat(result.getBody()).contains("alice@localhost (X) wins");
				assertThat(ToetemClient.game(result).getAttributeValue("status")).isEqualTo("x-won");
			}
			assertThat(bob.refused("move", "game='" + id + "' cell='8'").getCondition())
				.isEqualTo(StanzaError.Condition.unexpected_request);
			assertThat(alice.client().pendingMessages()).isZero();
			assertThat(bob.client().pendingMessages()).isZero();
		}
	}

	private static void play(ToetemClient alice, ToetemClient bob, String id, ToetemClient mover, int cell,
			String board) {
		String answer = mover.request("move", "game='" + id + "' cell='" + cell + "'");
		assertThat(attribute(answer, "board")).isEqualTo(board);
		assertBothSee(alice, bob, id, board, "playing");
	}

	/** Each player's next game event (past the room invitation: ToetemRoomsIT tests that). */
	private static void assertBothSee(ToetemClient alice, ToetemClient bob, String id, String board, String status) {
		for (ToetemClient player : new ToetemClient[] { alice, bob }) {
			StandardExtensionElement game = player.awaitEvent();
			assertThat(game.getAttributeValue("id")).isEqualTo(id);
			assertThat(game.getAttributeValue("board")).isEqualTo(board);
			assertThat(game.getAttributeValue("status")).isEqualTo(status);
		}
	}

}
