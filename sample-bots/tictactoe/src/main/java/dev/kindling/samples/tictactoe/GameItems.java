package dev.kindling.samples.tictactoe;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.xmpp.packet.JID;

import dev.kindling.samples.tictactoe.Toetem.Counter;
import dev.kindling.samples.tictactoe.Toetem.GameState;

/**
 * A game as a pubsub item's payload and back: the {@code <game/>} players see, plus the full JIDs
 * events go to ({@code x-jid}, {@code o-jid}), which is all a referee needs to resume it. The id
 * counter is an item of its own, {@code <counter last='7'/>}.
 */
final class GameItems {

	static final String COUNTER_ITEM = "counter";

	private static final Pattern GAME_NUMBER = Pattern.compile("g(\\d{1,18})");

	private GameItems() {
	}

	static GameState toStored(Game game) {
		return GameState.of(game).withClients(game.x().toString(), game.o().toString());
	}

	static Counter counter(long lastId) {
		return new Counter(lastId);
	}

	/** The number in a game id {@code g<n>}, or {@code 0}. */
	static long numberOf(String id) {
		Matcher matcher = GAME_NUMBER.matcher(id);
		return matcher.matches() ? Long.parseLong(matcher.group(1)) : 0;
	}

	/**
	 * The game a stored item describes.
	 * @throws IllegalArgumentException when it is not a game this referee could have kept
	 */
	static Game fromStored(GameState stored) {
		String id = required(stored.id(), "id", stored);
		JID x = jid(stored.xJid(), "x-jid", stored);
		JID o = jid(stored.oJid(), "o-jid", stored);
		return new Game(id, x, o, position(required(stored.board(), "board", stored), required(stored.status(), "status", stored)));
	}

	/**
	 * The position a board shows, rebuilt through the rules: X's and O's marks played alternately.
	 * Only a game still playing is rebuilt, and there no line is complete, so any order of the
	 * marks is legal and leads to the same position.
	 */
	static TicTacToe position(String board, String status) {
		if (!"playing".equals(status)) {
			throw new IllegalArgumentException("Only a game still playing can be resumed, not one that is " + status);
		}
		if (board.length() != TicTacToe.CELLS || !board.matches("[XO-]+")) {
			throw new IllegalArgumentException("Not a board: " + board);
		}
		List<Integer> xs = new ArrayList<>();
		List<Integer> os = new ArrayList<>();
		for (int cell = 0; cell < TicTacToe.CELLS; cell++) {
			char mark = board.charAt(cell);
			if (mark == 'X') {
				xs.add(cell);
			}
			else if (mark == 'O') {
				os.add(cell);
			}
		}
		if (xs.size() != os.size() && xs.size() != os.size() + 1) {
			throw new IllegalArgumentException("Not a position of a game where X moves first: " + board);
		}
		TicTacToe position = TicTacToe.newGame();
		try {
			for (int i = 0; i < xs.size(); i++) {
				position = position.play(TicTacToe.Mark.X, xs.get(i));
				if (i < os.size()) {
					position = position.play(TicTacToe.Mark.O, os.get(i));
				}
			}
		}
		catch (TicTacToe.IllegalMoveException ex) {
			throw new IllegalArgumentException("Not a position still playing: " + board, ex);
		}
		if (position.isOver()) {
			throw new IllegalArgumentException("Not a position still playing: " + board);
		}
		return position;
	}

	private static String required(@Nullable String value, String attribute, GameState stored) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("Attribute '" + attribute + "' missing: " + stored);
		}
		return value;
	}

	private static JID jid(@Nullable String value, String attribute, GameState stored) {
		try {
			return new JID(required(value, attribute, stored));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("Attribute '" + attribute + "' is not a JID: " + stored, ex);
		}
	}

}
