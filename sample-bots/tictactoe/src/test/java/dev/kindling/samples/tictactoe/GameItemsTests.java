package dev.kindling.samples.tictactoe;

import org.dom4j.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xmpp.packet.JID;

import dev.kindling.payload.PayloadMapper;
import dev.kindling.samples.tictactoe.Toetem.Counter;
import dev.kindling.samples.tictactoe.Toetem.GameState;
import dev.kindling.test.Stanzas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Stored games back to games: positions rebuilt through the rules, and what cannot be resumed. */
class GameItemsTests {

	private static final String NS = Toetem.NAMESPACE;

	@ParameterizedTest
	@CsvSource({ "---------, X", "----X----, O", "O---X----, X", "OOX-X----, X", "XOXOOX-X-, O", "XOXXOOOX-, X" })
	void rebuildsEveryPositionStillPlaying(String board, TicTacToe.Mark toMove) {
		TicTacToe position = GameItems.position(board, "playing");

		assertThat(position.board()).isEqualTo(board);
		assertThat(position.toMove()).isEqualTo(toMove);
		assertThat(position.isOver()).isFalse();
	}

	@ParameterizedTest
	@CsvSource({ "XXX-OO---, playing", // X has a line: over
			"XXXOOO---, playing", // both have lines
			"OO-------, playing", // O moved first
			"XXX------, playing", // X moved three times in a row
			"XOXOXOOXO, playing", // full board: over
			"----X---, playing", // eight cells
			"----x----, playing", // lower case
			"----X----, x-won" }) // not playing
	void refusesWhatNoGameStillPlayingLooksLike(String board, String status) {
		assertThatIllegalArgumentException().isThrownBy(() -> GameItems.position(board, status));
	}

	@Test
	void aGameSurvivesTheRoundTripWithTheFullJidsOfItsPlayers() {
		Game game = new Game("g3", new JID("alice@localhost/phone"), new JID("bob@localhost/laptop"),
				TicTacToe.newGame().play(TicTacToe.Mark.X, 4).play(TicTacToe.Mark.O, 0));
		PayloadMapper payloads = PayloadMapper.withDefaults();
		Element stored = payloads.toElement(GameItems.toStored(game));

		assertThat(stored.attributeValue("x")).isEqualTo("alice@localhost");
		assertThat(stored.attributeValue("x-jid")).isEqualTo("alice@localhost/phone");
		assertThat(GameItems.fromStored(payloads.fromElement(stored, GameState.class))).isEqualTo(game);
	}

	@Test
	void playersNeverSeeTheFullJids() {
		Game game = new Game("g3", new JID("alice@localhost/phone"), new JID("bob@localhost/laptop"), TicTacToe.newGame());

		assertThat(PayloadMapper.withDefaults().toElement(GameState.of(game)).asXML()).doesNotContain("jid");
	}

	@Test
	void refusesItemsThatAreNotGames() {
		PayloadMapper payloads = PayloadMapper.withDefaults();
		assertThatIllegalArgumentException().isThrownBy(() -> GameItems.fromStored(payloads.fromElement(Stanzas.xml(
				"<game xmlns='" + NS + "' id='g1' board='---------' status='playing' x-jid='alice@localhost'/>"),
				GameState.class))); // no o-jid
		assertThatIllegalArgumentException().isThrownBy(() -> GameItems.fromStored(payloads.fromElement(Stanzas.xml(
				"<game xmlns='" + NS + "' id='g1' board='---------' status='playing' x-jid='a@@b' o-jid='bob@localhost'/>"),
				GameState.class)));
	}

	@Test
	void readsTheCounterAndGameNumbers() {
		PayloadMapper payloads = PayloadMapper.withDefaults();
		Element counter = payloads.toElement(GameItems.counter(42));

		assertThat(counter.asXML()).isEqualTo("<counter xmlns=\"" + NS + "\" last=\"42\"/>");
		assertThat(payloads.fromElement(counter, Counter.class).last()).isEqualTo(42);
		assertThat(GameItems.numberOf("g17")).isEqualTo(17);
		assertThat(GameItems.numberOf("counter")).isZero();
		assertThat(GameItems.numberOf("g99999999999999999999")).isZero();
	}

}
