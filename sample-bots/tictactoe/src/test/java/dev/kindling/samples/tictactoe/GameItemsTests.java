package dev.kindling.samples.tictactoe;

import org.dom4j.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xmpp.packet.JID;

import dev.kindling.payload.PayloadMapper;
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
		Element stored = GameItems.toElement(game, new PayloadMapper());

		assertThat(stored.attributeValue("x")).isEqualTo("alice@localhost");
		assertThat(GameItems.fromElement(stored)).isEqualTo(game);
	}

	@Test
	void refusesItemsThatAreNotGames() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> GameItems.fromElement(Stanzas.xml("<game xmlns='urn:example' id='g1'/>")));
		assertThatIllegalArgumentException().isThrownBy(() -> GameItems.fromElement(Stanzas.xml("<game xmlns='" + NS
				+ "' id='g1' board='---------' status='playing' x-jid='alice@localhost'/>"))); // no o-jid
		assertThatIllegalArgumentException().isThrownBy(() -> GameItems.fromElement(Stanzas.xml("<game xmlns='" + NS
				+ "' id='g1' board='---------' status='playing' x-jid='a@@b' o-jid='bob@localhost'/>")));
	}

	@Test
	void readsTheCounterAndGameNumbers() {
		assertThat(GameItems.counterOf(GameItems.counter(42))).isEqualTo(42);
		assertThat(GameItems.counterOf(Stanzas.xml("<game xmlns='" + NS + "'/>"))).isEqualTo(-1);
		assertThat(GameItems.counterOf(null)).isEqualTo(-1);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> GameItems.counterOf(Stanzas.xml("<counter xmlns='" + NS + "' last='many'/>")));
		assertThat(GameItems.numberOf("g17")).isEqualTo(17);
		assertThat(GameItems.numberOf("counter")).isZero();
		assertThat(GameItems.numberOf("g99999999999999999999")).isZero();
	}

}
