package dev.kindling.samples.tictactoe;

import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.xmpp.packet.JID;

import dev.kindling.ErrorCondition;
import dev.kindling.XmppErrorException;
import dev.kindling.handler.ArgumentRejectedException;
import dev.kindling.handler.From;
import dev.kindling.handler.IqType;
import dev.kindling.handler.OnIq;
import dev.kindling.samples.tictactoe.Toetem.GameState;
import dev.kindling.samples.tictactoe.Toetem.Move;
import dev.kindling.samples.tictactoe.Toetem.Resign;
import dev.kindling.samples.tictactoe.Toetem.Start;
import dev.kindling.samples.tictactoe.Toetem.Unwatch;
import dev.kindling.samples.tictactoe.Toetem.Watch;

/**
 * The referee's requests, one handler per protocol element. The rules are {@link TicTacToe}'s, the
 * state {@link GameRegistry}'s and the spectators {@link Spectators}'; this class maps them to
 * stanzas, and {@link GameEvents} tells players, spectators and the game's room what happened. A
 * broken rule is a {@link TicTacToe.IllegalMoveException}, answered by {@link RuleViolations}; a
 * request without an attribute it needs breaks its payload's constraints ({@code @Valid}).
 */
@Component
class Referee {

	private final GameRegistry games;

	private final GameEvents events;

	private final Spectators spectators;

	Referee(GameRegistry games, GameEvents events, Spectators spectators) {
		this.games = games;
		this.events = events;
		this.spectators = spectators;
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
	GameState start(@Valid Start start, @From JID challenger) {
		return this.events.started(this.games.start(challenger, jid(start.opponent())));
	}

	@OnIq(namespace = Toetem.NAMESPACE, element = "move", type = IqType.SET)
	GameState move(@Valid Move move, @From JID player) {
		int cell = move.cell();
		return this.events.announce(this.games.update(move.game(), player, (position, mark) -> position.play(mark, cell)));
	}

	@OnIq(namespace = Toetem.NAMESPACE, element = "resign", type = IqType.SET)
	GameState resign(@Valid Resign resign, @From JID player) {
		return this.events.announce(this.games.update(resign.game(), player, (position, mark) -> position.resign(mark)));
	}

	@OnIq(namespace = Toetem.NAMESPACE, element = "game", type = IqType.GET)
	GameState game(GameState query) {
		return this.events.state(this.games.get(required(query.id(), "id")));
	}

	@OnIq(namespace = Toetem.NAMESPACE, element = "watch", type = IqType.SET)
	GameState watch(@Valid Watch watch, @From JID spectator) {
		return this.events.state(this.spectators.watch(watch.game(), spectator));
	}

	@OnIq(namespace = Toetem.NAMESPACE, element = "unwatch", type = IqType.SET)
	void unwatch(@Valid Unwatch unwatch, @From JID spectator) {
		this.spectators.unwatch(unwatch.game(), spectator);
	}

	/** An attribute the request needs: without it, a {@code bad-request} naming it. */
	private static <T> T required(@Nullable T value, String attribute) {
		if (value == null) {
			throw new ArgumentRejectedException(attribute, attribute + " is missing");
		}
		return value;
	}

	private static JID jid(String address) {
		try {
			return new JID(address);
		}
		catch (IllegalArgumentException ex) {
			throw new XmppErrorException(ErrorCondition.JID_MALFORMED, "Not a JID: " + address);
		}
	}

}
