package dev.kindling.samples.tictactoe;

import org.dom4j.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.xmpp.packet.Message;
import org.xmpp.packet.PacketError;
import org.xmpp.packet.PacketError.Condition;

import dev.kindling.test.SentStanzas;
import dev.kindling.test.Stanzas;
import dev.kindling.test.XmppTestHarness;
import dev.kindling.test.autoconfigure.XmppComponentTest;

import static dev.kindling.samples.tictactoe.Players.NS;
import static dev.kindling.samples.tictactoe.Players.bare;
import static dev.kindling.samples.tictactoe.Players.game;
import static dev.kindling.samples.tictactoe.Players.result;
import static org.assertj.core.api.Assertions.assertThat;

/** Spectators: {@code <watch/>} and {@code <unwatch/>} of docs/protocol/tictactoe.md, without a server. */
@XmppComponentTest(properties = { "toetem.rooms.enabled=false", "toetem.store.enabled=false" })
@ImportReferee
class RefereeWatchTests {

	@Autowired
	XmppTestHarness harness;

	@Autowired
	Spectators spectators;

	private Players players;

	@org.junit.jupiter.api.BeforeEach
	void players() {
		this.players = new Players(this.harness);
	}

	@Test
	void aSpectatorGetsTheStateAndThenEveryEventLikeThePlayers() {
		String id = this.players.start();
		this.players.move(this.players.alice, id, 4);

		Element watched = result(this.players.watch(this.players.carol, id), this.players.carol);
		assertThat(watched.attributeValue("id")).isEqualTo(id);
		assertThat(watched.attributeValue("board")).isEqualTo("----X----");
		assertThat(watched.attributeValue("turn")).isEqualTo("o");

		SentStanzas moved = this.players.move(this.players.bob, id, 0);
		assertThat(moved.messages()).extracting((event) -> event.getTo().toString())
			.containsExactly(this.players.alice, this.players.bob, this.players.carol);
		Message seen = moved.messages().get(2);
		assertThat(seen.getType()).isEqualTo(Message.Type.normal);
		assertThat(game(seen).attributeValue("board")).isEqualTo("O---X----");
		assertThat(seen.getBody()).isEqualTo(moved.messages().get(0).getBody());
	}

	@Test
	void watchingTwiceStillSendsEachEventOnce() {
		String id = this.players.start();
		this.players.watch(this.players.carol, id);
		assertThat(this.players.watch(this.players.carol, id)).singleIq().isResult();

		assertThat(this.players.move(this.players.alice, id, 4).messages()).hasSize(3);
	}

	@Test
	void unwatchingStopsTheEvents() {
		String id = this.players.start();
		this.players.watch(this.players.carol, id);

		assertThat(this.players.unwatch(this.players.carol, id)).singleIq().isResult().isTo(this.players.carol);

		assertThat(this.players.move(this.players.alice, id, 4).messages()).extracting((event) -> event.getTo().toString())
			.containsExactly(this.players.alice, this.players.bob);
		assertThat(this.spectators.of(id)).isEmpty();
	}

	@Test
	void refusesWatchingAnUnknownGameYourOwnGameOrNoGame() {
		String id = this.players.start();

		assertRefused(this.players.watch(this.players.carol, "no-such-game"), Condition.item_not_found,
				PacketError.Type.cancel);
		assertRefused(this.players.watch(this.players.bob, id), Condition.bad_request, PacketError.Type.modify);
		assertRefused(this.players.set(this.players.carol, "<watch xmlns='" + NS + "'/>"), Condition.bad_request,
				PacketError.Type.modify);
		assertThat(this.spectators.of(id)).isEmpty();
	}

	@Test
	void refusesUnwatchingWhatYouDoNotWatch() {
		String id = this.players.start();

		assertRefused(this.players.unwatch(this.players.carol, id), Condition.item_not_found, PacketError.Type.cancel);
		assertRefused(this.players.unwatch(this.players.carol, "no-such-game"), Condition.item_not_found,
				PacketError.Type.cancel);
		assertRefused(this.players.set(this.players.carol, "<unwatch xmlns='" + NS + "'/>"), Condition.bad_request,
				PacketError.Type.modify);
		this.players.watch(this.players.carol, id);
		this.players.unwatch(this.players.carol, id);
		assertRefused(this.players.unwatch(this.players.carol, id), Condition.item_not_found, PacketError.Type.cancel);
	}

	@Test
	void theLastEventReachesSpectatorsWhoAreThenForgotten() {
		String id = this.players.start();
		this.players.watch(this.players.carol, id);

		SentStanzas resigned = this.players.set(this.players.bob, "<resign xmlns='" + NS + "' game='" + id + "'/>");

		assertThat(resigned.messages()).hasSize(3).allSatisfy((event) -> {
			assertThat(game(event).attributeValue("status")).isEqualTo("x-won");
			assertThat(event.getBody()).contains(bare(this.players.alice) + " (X) wins by resignation");
		});
		assertThat(this.spectators.of(id)).isEmpty();
		assertRefused(this.players.unwatch(this.players.carol, id), Condition.item_not_found, PacketError.Type.cancel);
	}

	@Test
	void watchingAnEndedGameAnswersItsStateAndWatchesNothing() {
		String id = this.players.start();
		this.players.set(this.players.bob, "<resign xmlns='" + NS + "' game='" + id + "'/>");

		Element ended = result(this.players.watch(this.players.carol, id), this.players.carol);

		assertThat(ended.attributeValue("status")).isEqualTo("x-won");
		assertThat(this.spectators.of(id)).isEmpty();
	}

	@Test
	void aSpectatorWhoGoesOfflineIsDropped() {
		String id = this.players.start();
		this.players.watch(this.players.carol, id);
		String carolsPhone = bare(this.players.carol) + "/phone";
		this.players.watch(carolsPhone, id);

		assertThat(this.harness.send(Stanzas.unavailable(this.players.carol, "bot.test")).all()).isEmpty();

		assertThat(this.players.move(this.players.alice, id, 4).messages()).extracting((event) -> event.getTo().toString())
			.containsExactly(this.players.alice, this.players.bob, carolsPhone);
	}

	private static void assertRefused(SentStanzas answer, Condition condition, PacketError.Type type) {
		assertThat(answer).singleIq().isError().hasErrorCondition(condition).hasErrorType(type);
		assertThat(answer.messages()).isEmpty();
	}

}
