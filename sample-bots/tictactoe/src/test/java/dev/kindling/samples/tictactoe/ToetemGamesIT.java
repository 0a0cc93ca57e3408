package dev.kindling.samples.tictactoe;

import java.time.Duration;
import java.util.List;

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
 * Whole games against the dev server's Prosody with Smack clients: a draw watched by a spectator,
 * and every refused request of the protocol's error table, each leaving the game as it was.
 * Shares its context (and Prosody) with the other Toetem ITs that set the same properties.
 */
@SpringBootTest(webEnvironment = WebEnvironment.NONE, properties = { "toetem.forfeit-grace=1s", "toetem.rooms.linger=1s" })
class ToetemGamesIT {

	@Autowired
	ProsodyServer devServer;

	@Autowired
	ComponentConnection connection;

	@BeforeEach
	void connected() {
		await().atMost(Duration.ofSeconds(10)).until(() -> this.connection.getState() == ConnectionState.CONNECTED);
	}

	@Test
	void aFullGameToADrawSeenMoveByMoveByASpectator() {
		try (ToetemClient alice = ToetemClient.login(this.devServer, "alice");
				ToetemClient bob = ToetemClient.login(this.devServer, "bob");
				ToetemClient carol = ToetemClient.login(this.devServer, "carol")) {
			bob.request("join", "");
			String id = attribute(alice.request("start", "opponent='bob@localhost'"), "id");
			assertThat(alice.awaitEvent().getAttributeValue("status")).isEqualTo("playing");
			assertThat(bob.awaitEvent().getAttributeValue("status")).isEqualTo("playing");

			String watched = carol.request("watch", "game='" + id + "'");
			assertThat(attribute(watched, "board")).isEqualTo("---------");
			assertThat(attribute(watched, "turn")).isEqualTo("x");

			// X O X / X O O / O X X: nobody gets three in a row.
			int[] cells = { 0, 1, 2, 4, 3, 5, 7, 6, 8 };
			String[] boards = { "X--------", "XO-------", "XOX------", "XOX-O----", "XOXXO----", "XOXXOO---",
					"XOXXOO-X-", "XOXXOOOX-", "XOXXOOOXX" };
			for (int i = 0; i < cells.length; i++) {
				ToetemClient mover = (i % 2 == 0) ? alice : bob;
				String answer = mover.request("move", "game='" + id + "' cell='" + cells[i] + "'");
				assertThat(attribute(answer, "board")).isEqualTo(boards[i]);
				for (ToetemClient everyone : List.of(alice, bob, carol)) {
					StandardExtensionElement event = everyone.awaitEvent();
					assertThat(event.getAttributeValue("id")).isEqualTo(id);
					assertThat(event.getAttributeValue("board")).isEqualTo(boards[i]);
				}
			}

			String drawn = alice.state(id);
			assertThat(attribute(drawn, "status")).isEqualTo("draw");
			assertThat(attribute(drawn, "winner")).isNull();
			assertThat(attribute(drawn, "turn")).isNull();
			assertThat(carol.refused("unwatch", "game='" + id + "'").getCondition())
				.isEqualTo(StanzaError.Condition.item_not_found);
			for (ToetemClient everyone : List.of(alice, bob, carol)) {
				assertThat(everyone.pendingEvents()).isZero();
			}
		}
	}

	@Test
	void everyIllegalRequestGetsItsErrorAndChangesNothing() {
		try (ToetemClient alice = ToetemClient.login(this.devServer, "alice");
				ToetemClient bob = ToetemClient.login(this.devServer, "bob");
				ToetemClient carol = ToetemClient.login(this.devServer, "carol")) {
			assertRefused(alice.refused("leave", ""), StanzaError.Condition.item_not_found, StanzaError.Type.CANCEL);
			assertRefused(alice.refused("start", "opponent='bob@localhost'"), StanzaError.Condition.item_not_found,
					StanzaError.Type.CANCEL);
			bob.request("join", "");
			assertRefused(bob.refused("join", ""), StanzaError.Condition.conflict, StanzaError.Type.CANCEL);
			assertRefused(bob.refused("start", "opponent='bob@localhost'"), StanzaError.Condition.bad_request,
					StanzaError.Type.MODIFY);
			assertRefused(alice.refused("start", ""), StanzaError.Condition.bad_request, StanzaError.Type.MODIFY);
			assertRefused(alice.refused("start", "opponent='bob@@localhost'"), StanzaError.Condition.jid_malformed,
					StanzaError.Type.MODIFY);

			String id = attribute(alice.request("start", "opponent='bob@localhost'"), "id");
			alice.request("move", "game='" + id + "' cell='4'");
			String before = alice.state(id);
			assertThat(attribute(before, "board")).isEqualTo("----X----");

			String game = "game='" + id + "' ";
			assertRefused(alice.refused("move", game + "cell='0'"), StanzaError.Condition.not_allowed,
					StanzaError.Type.CANCEL);
			assertRefused(bob.refused("move", game + "cell='4'"), StanzaError.Condition.not_acceptable,
					StanzaError.Type.MODIFY);
			for (String cell : new String[] { "cell='9'", "cell='-1'", "cell='centre'", "" }) {
				assertRefused(bob.refused("move", game + cell), StanzaError.Condition.bad_request, StanzaError.Type.MODIFY);
			}
			assertRefused(carol.refused("move", game + "cell='0'"), StanzaError.Condition.forbidden, StanzaError.Type.AUTH);
			assertRefused(carol.refused("resign", game), StanzaError.Condition.forbidden, StanzaError.Type.AUTH);
			assertRefused(bob.refused("move", "game='nope' cell='0'"), StanzaError.Condition.item_not_found,
					StanzaError.Type.CANCEL);
			assertRefused(bob.refused("resign", "game='nope'"), StanzaError.Condition.item_not_found,
					StanzaError.Type.CANCEL);
			assertRefused(carol.refused("game", "id='nope'"), StanzaError.Condition.item_not_found,
					StanzaError.Type.CANCEL);
			assertRefused(carol.refused("watch", "game='nope'"), StanzaError.Condition.item_not_found,
					StanzaError.Type.CANCEL);
			assertRefused(bob.refused("watch", game), StanzaError.Condition.bad_request, StanzaError.Type.MODIFY);
			assertRefused(carol.refused("unwatch", game), StanzaError.Condition.item_not_found, StanzaError.Type.CANCEL);
			StanzaError unknown = carol.refused("shuffle", game);
			assertThat(unknown.getCondition()).isEqualTo(StanzaError.Condition.service_unavailable);
			assertThat(unknown.getType()).isEqualTo(StanzaError.Type.CANCEL);
			assertThat(alice.state(id)).isEqualTo(before);

			bob.request("resign", game);
			String after = alice.state(id);
			assertRefused(bob.refused("move", game + "cell='0'"), StanzaError.Condition.unexpected_request,
					StanzaError.Type.WAIT);
			assertRefused(alice.refused("resign", game), StanzaError.Condition.unexpected_request, StanzaError.Type.WAIT);
			assertThat(alice.state(id)).isEqualTo(after);
			assertThat(attribute(after, "status")).isEqualTo("x-won");

			// Start, first move, resignation: nothing else reached the players.
			for (ToetemClient player : List.of(alice, bob)) {
				for (int i = 0; i < 3; i++) {
					player.awaitEvent();
				}
				assertThat(player.pendingEvents()).isZero();
			}
			assertThat(carol.pendingEvents()).isZero();
		}
	}

	private static void assertRefused(StanzaError error, StanzaError.Condition condition, StanzaError.Type type) {
		assertThat(error.getCondition()).as(error.toString()).isEqualTo(condition);
		assertThat(error.getType()).as(error.toString()).isEqualTo(type);
		assertThat(error.getDescriptiveText()).as("the error says why").isNotBlank();
	}

}
