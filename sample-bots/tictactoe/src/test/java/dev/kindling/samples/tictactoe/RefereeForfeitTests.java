package dev.kindling.samples.tictactoe;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.xmpp.packet.Message;

import dev.kindling.test.Stanzas;
import dev.kindling.test.XmppTestHarness;
import dev.kindling.test.autoconfigure.XmppComponentTest;

import static dev.kindling.samples.tictactoe.Players.NS;
import static dev.kindling.samples.tictactoe.Players.bare;
import static dev.kindling.samples.tictactoe.Players.game;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Forfeit on going offline, without a server: the grace is made short through
 * {@code toetem.forfeit-grace}.
 */
@XmppComponentTest(properties = { "toetem.rooms.enabled=false", "toetem.store.enabled=false", "toetem.forfeit-grace=300ms" })
@ImportReferee
class RefereeForfeitTests {

	private static final Duration GRACE = Duration.ofMillis(300);

	@Autowired
	XmppTestHarness harness;

	@Autowired
	Forfeits forfeits;

	private Players players;

	@BeforeEach
	void players() {
		this.players = new Players(this.harness);
	}

	@Test
	void aPlayerWhoseClientGoesOfflineForfeitsAfterTheGraceAndEveryoneHears() {
		String id = this.players.start();
		this.players.move(this.players.alice, id, 4);
		this.players.watch(this.players.carol, id);
		this.harness.clearSent();
		long offline = System.nanoTime();

		assertThat(this.harness.send(Stanzas.unavailable(this.players.bob, "bot.test")).all()).isEmpty();

		List<Message> events = await().atMost(Duration.ofSeconds(5))
			.until(() -> this.harness.sent().messages(), (sent) -> sent.size() == 3);
		assertThat(Duration.ofNanos(System.nanoTime() - offline)).isGreaterThanOrEqualTo(GRACE);
		assertThat(events).extracting((event) -> event.getTo().toString())
			.containsExactly(this.players.alice, this.players.bob, this.players.carol);
		assertThat(events).allSatisfy((event) -> {
			assertThat(game(event).attributeValue("status")).isEqualTo("x-won");
			assertThat(game(event).attributeValue("winner")).isEqualTo(bare(this.players.alice));
			assertThat(game(event).attributeValue("forfeited")).isEqualTo("o");
			assertThat(game(event).attributeValue("resigned")).isNull();
			assertThat(game(event).attributeValue("board")).isEqualTo("----X----");
			assertThat(event.getBody()).contains(bare(this.players.alice) + " (X) wins by forfeit");
		});
		assertThat(this.players.state(id).attributeValue("forfeited")).isEqualTo("o");
		assertThat(this.forfeits.pending()).isZero();
	}

	@Test
	void aPlayerWhoComesBackInTimeKeepsTheGame() {
		String id = this.players.start();
		this.harness.clearSent();
		this.harness.send(Stanzas.unavailable(this.players.alice, "bot.test"));
		assertThat(this.forfeits.pending()).isEqualTo(1);

		// Another client of the same user is enough.
		this.harness.send(Stanzas.presence(bare(this.players.alice) + "/desktop", "bot.test"));

		assertThat(this.forfeits.pending()).isZero();
		await().during(GRACE.multipliedBy(3)).atMost(Duration.ofSeconds(5))
			.until(() -> this.harness.sent().messages().isEmpty());
		assertThat(this.players.state(id).attributeValue("status")).isEqualTo("playing");
		assertThat(Players.result(this.players.move(this.players.alice, id, 4), this.players.alice)
			.attributeValue("board")).isEqualTo("----X----");
	}

	@Test
	void onlyTheClientAPlayerPlaysFromCounts() {
		String id = this.players.start();

		this.harness.send(Stanzas.unavailable(bare(this.players.alice) + "/other", "bot.test"));
		this.harness.send(Stanzas.unavailable(this.players.carol, "bot.test"));

		assertThat(this.forfeits.pending()).isZero();
		assertThat(this.players.state(id).attributeValue("status")).isEqualTo("playing");
	}

	@Test
	void aGameThatEndsDuringTheGraceIsNotForfeited() {
		String id = this.players.start();
		this.harness.send(Stanzas.unavailable(this.players.bob, "bot.test"));
		this.players.set(this.players.alice, "<resign xmlns='" + NS + "' game='" + id + "'/>");
		this.harness.clearSent();

		await().atMost(Duration.ofSeconds(5)).until(() -> this.forfeits.pending() == 0);

		assertThat(this.harness.sent().messages()).isEmpty();
		assertThat(this.players.state(id).attributeValue("resigned")).isEqualTo("x");
		assertThat(this.players.state(id).attributeValue("forfeited")).isNull();
	}

}
