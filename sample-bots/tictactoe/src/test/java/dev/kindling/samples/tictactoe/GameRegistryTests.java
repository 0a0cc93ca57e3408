package dev.kindling.samples.tictactoe;

import org.junit.jupiter.api.Test;
import org.xmpp.packet.JID;
import org.xmpp.packet.PacketError.Condition;

import dev.kindling.XmppErrorException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The registry alone: who waits, who plays, and how many ended games it keeps. */
class GameRegistryTests {

	private static final JID ALICE = new JID("alice@localhost/phone");

	private static final JID BOB = new JID("bob@localhost/laptop");

	@Test
	void startingTakesBothPlayersOffTheWaitingListAndKeepsTheirResources() {
		GameRegistry registry = new GameRegistry();
		registry.join(ALICE);
		registry.join(BOB);

		Game game = registry.start(ALICE, new JID("bob@localhost"));

		assertThat(registry.waiting()).isEmpty();
		assertThat(game.x()).isEqualTo(ALICE);
		assertThat(game.o()).isEqualTo(BOB);
		assertThat(game.markOf(new JID("bob@localhost/other"))).isEqualTo(TicTacToe.Mark.O);
		assertThat(game.markOf(new JID("carol@localhost"))).isNull();
	}

	@Test
	void aWaitingPlayerWhoseClientWentOfflineLeavesTheListButNotForAnotherClient() {
		GameRegistry registry = new GameRegistry();
		registry.join(ALICE);
		registry.join(BOB);

		assertThat(registry.wentOffline(new JID("alice@localhost/tablet"))).isFalse();
		assertThat(registry.wentOffline(BOB)).isTrue();

		assertThat(registry.waiting()).containsExactly(ALICE);
	}

	@Test
	void aRefusedActionLeavesTheStoredGameUnchanged() {
		GameRegistry registry = new GameRegistry();
		registry.join(BOB);
		String id = registry.start(ALICE, BOB).id();
		registry.update(id, ALICE, (position, mark) -> position.play(mark, 4));

		assertThatExceptionOfType(TicTacToe.IllegalMoveException.class)
			.isThrownBy(() -> registry.update(id, BOB, (position, mark) -> position.play(mark, 4)));
		assertThatExceptionOfType(XmppErrorException.class)
			.isThrownBy(() -> registry.update(id, new JID("carol@localhost"), (position, mark) -> position.play(mark, 0)))
			.satisfies((ex) -> assertThat(ex.getCondition()).isEqualTo(Condition.forbidden));
		assertThat(registry.get(id).position().board()).isEqualTo("----X----");
	}

	@Test
	void keepsOnlyTheMostRecentEndedGames() {
		GameRegistry registry = new GameRegistry(2);
		String[] ids = new String[3];
		for (int i = 0; i < ids.length; i++) {
			registry.join(BOB);
			ids[i] = registry.start(ALICE, BOB).id();
		}
		registry.join(BOB);
		String playing = registry.start(ALICE, BOB).id();

		for (String id : ids) {
			registry.update(id, ALICE, (position, mark) -> position.resign(mark));
		}

		assertThat(registry.games()).extracting(Game::id).containsExactly(ids[1], ids[2], playing);
		assertThatExceptionOfType(XmppErrorException.class).isThrownBy(() -> registry.get(ids[0]))
			.satisfies((ex) -> assertThat(ex.getCondition()).isEqualTo(Condition.item_not_found));
	}

	@Test
	void findsTheGamesInProgressPlayedFromAClientAndForfeitsThem() {
		GameRegistry registry = new GameRegistry();
		registry.join(BOB);
		String id = registry.start(ALICE, BOB).id();

		assertThat(registry.playing(BOB)).extracting(Game::id).containsExactly(id);
		assertThat(registry.playing(new JID("bob@localhost/other"))).isEmpty();
		assertThat(registry.playing(new JID("bob@localhost"))).isEmpty();

		Game forfeited = registry.forfeit(id, BOB);

		assertThat(forfeited.position().forfeited()).isEqualTo(TicTacToe.Mark.O);
		assertThat(forfeited.position().status()).isEqualTo(TicTacToe.Status.X_WON);
		assertThat(registry.get(id)).isEqualTo(forfeited);
		assertThat(registry.playing(BOB)).isEmpty();
	}

}
