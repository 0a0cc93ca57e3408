package dev.kindling.samples.tictactoe;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;
import org.xmpp.packet.PacketError.Condition;

import dev.kindling.XmppErrorException;
import dev.kindling.handler.From;
import dev.kindling.handler.IqType;
import dev.kindling.handler.OnIq;
import dev.kindling.payload.PayloadMapper;
import dev.kindling.samples.tictactoe.Toetem.GameState;
import dev.kindling.samples.tictactoe.Toetem.Move;
import dev.kindling.samples.tictactoe.Toetem.Resign;
import dev.kindling.samples.tictactoe.Toetem.Start;
import dev.kindling.template.XmppTemplate;

/**
 * The referee's requests, one handler per protocol element. The rules are {@link TicTacToe}'s and
 * the state {@link GameRegistry}'s; this class maps them to stanzas and tells both players what
 * happened.
 */
@Component
class Referee {

	private final GameRegistry games;

	private final XmppTemplate xmpp;

	private final PayloadMapper payloads;

	Referee(GameRegistry games, XmppTemplate xmpp, PayloadMapper payloads) {
		this.games = games;
		this.xmpp = xmpp;
		this.payloads = payloads;
	}

	@OnIq(namespace = Toetem.NAMESPACE, element = "join", type = IqType.SET)
	void join(@From JID player) {
		this.games.join(player);
	}

	@OnIq(namespace = Toetem.NAMESPACE, element = "leave", type = IqType.SET)
	void leave(@From JID player) {
		this.games.leave(player);
	}

	@OnIq(namespace = Toetem.NAMESPACE, element = "start", type = IqType.SET)
	GameState start(Start start, @From JID challenger) {
		Game game = this.games.start(challenger, jid(required(start.opponent(), "opponent")));
		return announce(game);
	}

	@OnIq(namespace = Toetem.NAMESPACE, element = "move", type = IqType.SET)
	GameState move(Move move, @From JID player) {
		String id = required(move.game(), "game");
		int cell = required(move.cell(), "cell");
		return announce(this.games.update(id, player, (position, mark) -> ruled(() -> position.play(mark, cell))));
	}

	@OnIq(namespace = Toetem.NAMESPACE, element = "resign", type = IqType.SET)
	GameState resign(Resign resign, @From JID player) {
		String id = required(resign.game(), "game");
		return announce(this.games.update(id, player, (position, mark) -> ruled(() -> position.resign(mark))));
	}

	@OnIq(namespace = Toetem.NAMESPACE, element = "game", type = IqType.GET)
	GameState game(GameState query) {
		return GameState.of(this.games.get(required(query.id(), "id")));
	}

	/** Sends the new state to both players as a message, and returns it as the request's answer. */
	private GameState announce(Game game) {
		GameState state = GameState.of(game);
		for (JID player : new JID[] { game.x(), game.o() }) {
			Message event = new Message();
			event.setTo(player);
			event.setType(Message.Type.normal);
			event.setBody(describe(game));
			event.addExtension(this.payloads.toExtension(state));
			this.xmpp.send(event);
		}
		return state;
	}

	private static String describe(Game game) {
		TicTacToe position = game.position();
		String board = position.board();
		String rows = board.substring(0, 3) + "\n" + board.substring(3, 6) + "\n" + board.substring(6);
		String news = switch (position.status()) {
			case IN_PROGRESS -> (position.toMove() == TicTacToe.Mark.X ? game.x() : game.o()).toBareJID() + " ("
					+ position.toMove() + ") to move";
			case X_WON -> game.x().toBareJID() + " (X) wins" + ((position.resigned() != null) ? " by resignation" : "");
			case O_WON -> game.o().toBareJID() + " (O) wins" + ((position.resigned() != null) ? " by resignation" : "");
			case DRAW -> "Draw";
		};
		return "Game " + game.id() + ", " + game.title() + ": " + news + "\n" + rows;
	}

	/** Maps a broken rule to the protocol's stanza error. */
	private static TicTacToe ruled(java.util.function.Supplier<TicTacToe> action) {
		try {
			return action.get();
		}
		catch (TicTacToe.IllegalMoveException ex) {
			Condition condition = switch (ex.violation()) {
				case OUT_OF_RANGE -> Condition.bad_request;
				case CELL_TAKEN -> Condition.not_acceptable;
				case NOT_YOUR_TURN -> Condition.not_allowed;
				case GAME_OVER -> Condition.unexpected_request;
			};
			throw new XmppErrorException(condition, ex.getMessage());
		}
	}

	private static <T> T required(@Nullable T value, String attribute) {
		if (value == null) {
			throw new XmppErrorException(Condition.bad_request, "Missing attribute '" + attribute + "'");
		}
		return value;
	}

	private static JID jid(String address) {
		try {
			return new JID(address);
		}
		catch (IllegalArgumentException ex) {
			throw new XmppErrorException(Condition.jid_malformed, "Not a JID: " + address);
		}
	}

}
