package dev.kindling.samples.tictactoe;

import java.time.Duration;

import org.jivesoftware.smack.packet.StandardExtensionElement;
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
 * Forfeit on disconnect against the dev server's Prosody: the players sent the referee directed
 * presence, so when a player's connection closes the server tells the referee, and after the
 * grace ({@code toetem.forfeit-grace=1s} here) the opponent and the spectator hear of the forfeit.
 */
@SpringBootTest(webEnvironment = WebEnvironment.NONE, properties = { "toetem.forfeit-grace=1s", "toetem.rooms.linger=1s" })
class ToetemForfeitIT {

	@Autowired
	ProsodyServer devServer;

	@Autowired
	ComponentConnection connection;

	@Autowired
	Forfeits forfeits;

	@BeforeEach
	void connected() {
		await().atMost(Duration.ofSeconds(10)).until(() -> this.connection.getState() == ConnectionState.CONNECTED);
	}

	@Test
	void aPlayerWhoDisconnectsForfeitsAfterTheGrace() {
		try (ToetemClient alice = ToetemClient.login(this.devServer, "alice");
				ToetemClient carol = ToetemClient.login(this.devServer, "carol")) {
			String id;
			try (ToetemClient bob = ToetemClient.login(this.devServer, "bob")) {
				bob.request("join", "");
				id = attribute(alice.request("start", "opponent='bob@localhost'"), "id");
				alice.request("move", "game='" + id + "' cell='4'");
				carol.request("watch", "game='" + id + "'");
				alice.awaitEvent();
				alice.awaitEvent();
			}
			long closed = System.nanoTime();

			StandardExtensionElement forfeited = alice.awaitEvent();
			Duration after = Duration.ofNanos(System.nanoTime() - closed);

			assertThat(after).isGreaterThanOrEqualTo(Duration.ofSeconds(1)).isLessThan(Duration.ofSeconds(5));
			assertThat(forfeited.getAttributeValue("id")).isEqualTo(id);
			assertThat(forfeited.getAttributeValue("status")).isEqualTo("x-won");
			assertThat(forfeited.getAttributeValue("winner")).isEqualTo("alice@localhost");
			assertThat(forfeited.getAttributeValue("forfeited")).isEqualTo("o");
			assertThat(forfeited.getAttributeValue("board")).isEqualTo("----X----");
			StandardExtensionElement watched = carol.awaitEvent();
			assertThat(watched.getAttributeValue("forfeited")).isEqualTo("o");
			assertThat(attribute(carol.state(id), "status")).isEqualTo("x-won");
			assertThat(this.forfeits.pending()).isZero();
		}
	}

	@Test
	void aPlayerWhoReconnectsWithinTheGraceKeepsTheGame() {
		try (ToetemClient alice = ToetemClient.login(this.devServer, "alice")) {
			String id;
			try (ToetemClient bob = ToetemClient.login(this.devServer, "bob")) {
				bob.request("join", "");
				id = attribute(alice.request("start", "opponent='bob@localhost'"), "id");
			}
			await().atMost(Duration.ofSeconds(5)).until(() -> this.forfeits.pending() == 1);
			try (ToetemClient bob = ToetemClient.login(this.devServer, "bob")) {
				await().atMost(Duration.ofSeconds(5)).until(() -> this.forfeits.pending() == 0);

				await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5))
					.until(() -> "playing".equals(attribute(alice.state(id), "status")));
				alice.request("move", "game='" + id + "' cell='0'");
				bob.awaitEvent();
				alice.request("resign", "game='" + id + "'");
			}
		}
	}

}
