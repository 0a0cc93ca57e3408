package dev.kindling.samples.tictactoe;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.dom4j.QName;
import org.jspecify.annotations.Nullable;
import org.xmpp.packet.JID;

import dev.kindling.payload.PayloadMapper;

/**
 * A game as a pubsub item's payload and back: the {@code <game/>} element players see, plus the
 * full JIDs events go to ({@code x-jid}, {@code o-jid}), which is all a referee needs to resume
 * it. The id counter is an item of its own, {@code <counter last='7'/>}.
 */
final class GameItems {

	static final String COUNTER_ITEM = "counter";

	private static final Pattern GAME_NUMBER = Pattern.compile("g(\\d{1,18})");

	private GameItems() {
	}

	static Element toElement(Game game, PayloadMapper payloads) {
		Element element = payloads.toElement(Toetem.GameState.of(game));
		element.addAttribute("x-jid", game.x().toString());
		element.addAttribute("o-jid", game.o().toString());
		return element;
	}

	static Element counter(long lastId) {
		Element counter = DocumentHelper.createElement(QName.get("counter", Toetem.NAMESPACE));
		counter.addAttribute("last", Long.toString(lastId));
		return counter;
	}

	/** The counter an item holds, or {@code -1} when it is not a counter. */
	static long counterOf(@Nullable Element payload) {
		if (payload == null || !"counter".equals(payload.getName()) || !Toetem.NAMESPACE.equals(payload.getNamespaceURI())) {
			return -1;
		}
		try {
			return Math.max(0, Long.parseLong(String.valueOf(payload.attributeValue("last"))));
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("Counter is not a number: " + payload.asXML());
		}
	}

	/** The number in a game id {@code g<n>}, or {@code 0}. */
	static long numberOf(String id) {
		Matcher matcher = GAME_NUMBER.matcher(id);
		return matcher.matches() ? Long.parseLong(matcher.group(1)) : 0;
	}

	/**
	 * The game a stored element describes.
	 * @throws IllegalArgumentException when the element is not a game this referee could have kept
	 */
	static Game fromElement(Element element) {
		if (!"game".equals(element.getName()) || !Toetem.NAMESPACE.equals(element.getNamespaceURI())) {
			throw new IllegalArgumentException("Not a game: " + element.asXML());
		}
		String id = required(element, "id");
		JID x = jid(element, "x-jid");
		JID o = jid(element, "o-jid");
		return new Game(id, x, o, position(required(element, "board"), required(element, "status")));
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

	private static String required(Element element, String attribute) {
		String value = element.attributeValue(attribute);
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("Attribute '" + attribute + "' missing: " + element.asXML());
		}
		return value;
	}

	private static JID jid(Element element, String attribute) {
		try {
			return new JID(required(element, attribute));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("Attribute '" + attribute + "' is not a JID: " + element.asXML(), ex);
		}
	}

}
