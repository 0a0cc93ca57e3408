package dev.kindling.samples.tictactoe;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.dom4j.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.xmpp.packet.IQ;
import org.xmpp.packet.Message;
import org.xmpp.packet.PacketError;
import org.xmpp.packet.PacketError.Condition;

import dev.kindling.disco.DiscoHandlers;
import dev.kindling.test.SentStanzas;
import dev.kindling.test.Stanzas;
import dev.kindling.test.XmppTestHarness;
import dev.kindling.test.autoconfigure.XmppComponentTest;

import static dev.kindling.samples.tictactoe.Players.bare;
import static dev.kindling.samples.tictactoe.Players.result;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The referee through Kindling's dispatch without a server: the protocol of
 * docs/protocol/tictactoe.md, its answers, its errors and its events. Each test has players of its
 * own, since the registry lives as long as the cached context.
 */
@XmppComponentTest(properties = { "toetem.rooms.enabled=false", "toetem.store.enabled=false" })
@ImportReferee
class RefereeTests {

	private static final String NS = Toetem.NAMESPACE;

	/** The error types docs/protocol/tictactoe.md promises for the move errors. */
	private static final Map<Condition, PacketError.Type> ERROR_TYPES = Map.of(Condition.not_allowed,
			PacketError.Type.cancel, Condition.not_acceptable, PacketError.Type.modify, Condition.bad_request,
			PacketError.Type.modify, Condition.forbidden, PacketError.Type.auth, Condition.item_not_found,
			PacketError.Type.cancel, Condition.unexpected_request, PacketError.Type.wait);

	@Autowired
	XmppTestHarness harness;

	private final String tag = UUID.randomUUID().toString().substring(0, 8);

	private final String alice = "alice-" + this.tag + "@localhost/phone";

	private final String bob = "bob-" + this.tag + "@localhost/laptop";

	private final String carol = "carol-" + this.tag + "@localhost/tablet";

	@Test
	void announcesTheProtocolInDiscoInfo() {
		IQ info = Stanzas.iqGet(this.alice, "bot.test", "<query xmlns='" + DiscoHandlers.INFO + "'/>");

		IQ result = this.harness.send(info).iqs().get(0);
		assertThat(result.getType()).isEqualTo(IQ.Type.result);
		assertThat(result.toXML()).contains("var=\"" + NS + "\"");
	}

	@Test
	void startsAGameWithAWaitingPlayerAndTellsBoth() {
		assertThat(set(this.bob, "<join xmlns='" + NS + "'/>")).singleIq().isResult().isTo(this.bob);

		SentStanzas started = set(this.alice, "<start xmlns='" + NS + "' opponent='" + bare(this.bob) + "'/>");

		Element game = result(started, this.alice);
		assertThat(game.attributeValue("x")).isEqualTo(bare(this.alice));
		assertThat(game.attributeValue("o")).isEqualTo(bare(this.bob));
		assertThat(game.attributeValue("board")).isEqualTo("---------");
		assertThat(game.attributeValue("status")).isEqualTo("playing");
		assertThat(game.attributeValue("turn")).isEqualTo("x");
		assertThat(started.messages()).extracting((message) -> message.getTo().toString())
			.containsExactly(this.alice, this.bob);
		for (Message event : started.messages()) {
			assertThat(event.getType()).isEqualTo(Message.Type.normal);
			assertThat(event.getChildElement("game", NS).attributeValue("id")).isEqualTo(game.attributeValue("id"));
			assertThat(event.getBody()).contains(bare(this.alice) + " (X) to move");
		}
	}

	@Test
	void refusesJoiningTwiceAndLeavingWithoutWaiting() {
		set(this.alice, "<join xmlns='" + NS + "'/>");

		assertThat(set(this.alice, "<join xmlns='" + NS + "'/>")).singleIq().isError()
			.hasErrorCondition(Condition.conflict).hasErrorType(PacketError.Type.cancel);
		assertThat(set(this.alice, "<leave xmlns='" + NS + "'/>")).singleIq().isResult();
		assertThat(set(this.alice, "<leave xmlns='" + NS + "'/>")).singleIq().isError()
			.hasErrorCondition(Condition.item_not_found);
	}

	@Test
	void refusesStartingWithSomeoneNotWaitingOrWithYourself() {
		assertThat(set(this.alice, "<start xmlns='" + NS + "' opponent='" + bare(this.bob) + "'/>")).singleIq()
			.isError().hasErrorCondition(Condition.item_not_found);

		set(this.alice, "<join xmlns='" + NS + "'/>");
		assertThat(set(this.alice, "<start xmlns='" + NS + "' opponent='" + bare(this.alice) + "'/>")).singleIq()
			.isError().hasErrorCondition(Condition.bad_request);
		assertThat(set(this.alice, "<start xmlns='" + NS + "'/>")).singleIq().isError()
			.hasErrorCondition(Condition.bad_request);
		assertThat(set(this.alice, "<start xmlns='" + NS + "' opponent='bob@@localhost'/>")).singleIq().isError()
			.hasErrorCondition(Condition.jid_malformed);
	}

	@Test
	void movesAlternateAndBothPlayersHearEachMove() {
		String id = start();

		SentStanzas moved = move(this.alice, id, 4);

		assertThat(result(moved, this.alice).attributeValue("board")).isEqualTo("----X----");
		assertThat(moved.messages()).hasSize(2).allSatisfy((event) -> {
			assertThat(event.getChildElement("game", NS).attributeValue("board")).isEqualTo("----X----");
			assertThat(event.getChildElement("game", NS).attributeValue("turn")).isEqualTo("o");
		});
		assertThat(result(move(this.bob, id, 0), this.bob).attributeValue("board")).isEqualTo("O---X----");
	}

	@Test
	void answersEachIllegalMoveWithItsErrorAndLeavesTheGameUnchanged() {
		String id = start();
		move(this.alice, id, 4);

		assertMoveRefused(this.alice, id, "4", Condition.not_allowed); // out of turn
		assertMoveRefused(this.bob, id, "4", Condition.not_acceptable); // occupied
		assertMoveRefused(this.bob, id, "9", Condition.bad_request); // out of range
		assertMoveRefused(this.bob, id, "-1", Condition.bad_request);
		assertMoveRefused(this.bob, id, "centre", Condition.bad_request); // not a number
		assertMoveRefused(this.carol, id, "0", Condition.forbidden); // not a player
		assertMoveRefused(this.bob, "no-such-game", "0", Condition.item_not_found);
		assertThat(set(this.bob, "<move xmlns='" + NS + "' game='" + id + "'/>")).singleIq().isError()
			.hasErrorCondition(Condition.bad_request); // no cell

		assertThat(state(id).attributeValue("board")).isEqualTo("----X----");
		assertThat(state(id).attributeValue("turn")).isEqualTo("o");
	}

	@Test
	void declaresTheWinnerAndRefusesMovesAfterwards() {
		String id = start();
		for (int cell : new int[] { 0, 3, 1, 4 }) {
			move((cell == 0 || cell == 1) ? this.alice : this.bob, id, cell);
		}

		SentStanzas winning = move(this.alice, id, 2);

		Element game = result(winning, this.alice);
		assertThat(game.attributeValue("status")).isEqualTo("x-won");
		assertThat(game.attributeValue("winner")).isEqualTo(bare(this.alice));
		assertThat(game.attributeValue("turn")).isNull();
		assertThat(winning.messages()).hasSize(2)
			.allSatisfy((event) -> assertThat(event.getBody()).contains(bare(this.alice) + " (X) wins"));
		assertMoveRefused(this.bob, id, "8", Condition.unexpected_request);
	}

	@Test
	void declaresADraw() {
		String id = start();
		int[] cells = { 0, 1, 2, 4, 3, 5, 7, 6, 8 };
		SentStanzas last = null;
		for (int i = 0; i < cells.length; i++) {
			last = move((i % 2 == 0) ? this.alice : this.bob, id, cells[i]);
		}

		Element game = result(last, this.alice);
		assertThat(game.attributeValue("status")).isEqualTo("draw");
		assertThat(game.attributeValue("winner")).isNull();
		assertThat(last.messages()).hasSize(2).allSatisfy((event) -> assertThat(event.getBody()).contains("Draw"));
	}

	@Test
	void resigningGivesTheOpponentTheGame() {
		String id = start();
		move(this.alice, id, 4);

		SentStanzas resigned = set(this.alice, "<resign xmlns='" + NS + "' game='" + id + "'/>");

		Element game = result(resigned, this.alice);
		assertThat(game.attributeValue("status")).isEqualTo("o-won");
		assertThat(game.attributeValue("winner")).isEqualTo(bare(this.bob));
		assertThat(game.attributeValue("resigned")).isEqualTo("x");
		assertThat(resigned.messages()).hasSize(2)
			.allSatisfy((event) -> assertThat(event.getBody()).contains("wins by resignation"));
		assertThat(set(this.bob, "<resign xmlns='" + NS + "' game='" + id + "'/>")).singleIq().isError()
			.hasErrorCondition(Condition.unexpected_request);
		assertThat(set(this.carol, "<resign xmlns='" + NS + "' game='" + id + "'/>")).singleIq().isError()
			.hasErrorCondition(Condition.forbidden);
	}

	@Test
	void aGamesRequestsGoToItsOwnAddressAndItsEventsComeFromThere() {
		String id = start();
		String game = id + "@bot.test";

		SentStanzas moved = this.harness.send(Stanzas.iqSet(this.alice, game, "<move xmlns='" + NS + "' cell='4'/>"));

		Element state = result(moved, this.alice);
		assertThat(state.attributeValue("board")).isEqualTo("----X----");
		assertThat(state.attributeValue("jid")).isEqualTo(game);
		assertThat(moved.iqs().get(0).getFrom().toString()).isEqualTo(game);
		assertThat(moved.messages()).allSatisfy((event) -> assertThat(event.getFrom().toString()).isEqualTo(game));
		assertThat(this.harness.send(Stanzas.iqGet(this.carol, game, "<game xmlns='" + NS + "'/>"))).singleIq().isResult();
		// An attribute naming another game than the address is refused; so is a lobby request at a game.
		assertThat(this.harness.send(Stanzas.iqSet(this.bob, game, "<move xmlns='" + NS + "' game='g0' cell='0'/>")))
			.singleIq().isError().hasErrorCondition(Condition.bad_request);
		assertThat(this.harness.send(Stanzas.iqSet(this.carol, game, "<join xmlns='" + NS + "'/>"))).singleIq().isError()
			.hasErrorCondition(Condition.feature_not_implemented);
		// On one process the referee's domain still takes the game's requests, naming the game.
		assertThat(result(move(this.bob, id, 0), this.bob).attributeValue("board")).isEqualTo("O---X----");
	}

	@Test
	void answersAQueryForAnUnknownGameItemNotFound() {
		assertThat(this.harness.send(Stanzas.iqGet(this.alice, "bot.test", "<game xmlns='" + NS + "' id='nope'/>")))
			.singleIq().isError().hasErrorCondition(Condition.item_not_found);
	}

	@Test
	void listsGamesAndWaitingPlayersInDiscoItems() {
		String id = start();
		set(this.carol, "<join xmlns='" + NS + "'/>");

		List<Element> games = discoItems(null);
		assertThat(games).anySatisfy((item) -> {
			assertThat(item.attributeValue("node")).isEqualTo(id);
			assertThat(item.attributeValue("jid")).isEqualTo(id + "@bot.test");
			assertThat(item.attributeValue("name")).isEqualTo(bare(this.alice) + " vs " + bare(this.bob) + ": playing");
		});
		assertThat(discoItems(Toetem.WAITING_NODE)).extracting((item) -> item.attributeValue("jid"))
			.contains(bare(this.carol))
			.doesNotContain(bare(this.alice), bare(this.bob));
	}

	private List<Element> discoItems(String node) {
		String query = "<query xmlns='" + DiscoHandlers.ITEMS + "'" + ((node != null) ? " node='" + node + "'" : "")
				+ "/>";
		IQ result = this.harness.send(Stanzas.iqGet(this.alice, "bot.test", query)).iqs().get(0);
		assertThat(result.getType()).as(result.toXML()).isEqualTo(IQ.Type.result);
		return result.getChildElement().elements("item");
	}

	/** Bob waits, Alice starts: Alice plays X. Returns the game's id. */
	private String start() {
		set(this.bob, "<join xmlns='" + NS + "'/>");
		return result(set(this.alice, "<start xmlns='" + NS + "' opponent='" + bare(this.bob) + "'/>"), this.alice)
			.attributeValue("id");
	}

	private SentStanzas move(String player, String id, int cell) {
		return set(player, "<move xmlns='" + NS + "' game='" + id + "' cell='" + cell + "'/>");
	}

	private void assertMoveRefused(String player, String id, String cell, Condition condition) {
		SentStanzas answer = set(player, "<move xmlns='" + NS + "' game='" + id + "' cell='" + cell + "'/>");
		assertThat(answer).singleIq().isError().isTo(player).hasErrorCondition(condition)
			.hasErrorType(ERROR_TYPES.get(condition));
	}

	private Element state(String id) {
		return result(this.harness.send(Stanzas.iqGet(this.alice, "bot.test", "<game xmlns='" + NS + "' id='" + id + "'/>")),
				this.alice);
	}

	private SentStanzas set(String from, String child) {
		return this.harness.send(Stanzas.iqSet(from, "bot.test", child));
	}

}
