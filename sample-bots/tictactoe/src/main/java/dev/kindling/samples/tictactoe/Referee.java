package dev.kindling.samples.tictactoe;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import jakarta.validation.Valid;
import org.springframework.stereotype.Component;
import org.xmpp.packet.JID;

import dev.kindling.ErrorCondition;
import dev.kindling.XmppErrorException;
import dev.kindling.handler.From;
import dev.kindling.handler.IqType;
import dev.kindling.handler.OnIq;
import dev.kindling.handler.OnMessage;
import dev.kindling.handler.To;
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
 *
 * <p>Lobby requests (join, leave, start) go to the referee's domain; a game's requests to the
 * game's own address ({@link GameAddresses}), where the replica that owns it answers, loading it
 * from the store when it does not hold it yet ({@link GameLoader}).
 */
@Component
class Referee {

	private final GameRegistry games;

	private final GameEvents events;

	private final Spectators spectators;

	private final GameAddresses addresses;

	private final GameLoader loader;

	Referee(GameRegistry games, GameEvents events, Spectators spectators, GameAddresses addresses, GameLoader loader) {
		this.games = games;
		this.events = events;
		this.spectators = spectators;
		this.addresses = addresses;
		this.loader = loader;
	}

	@OnIq(namespace = Toetem.NAMESPACE, element = "join", type = IqType.SET)
	void join(@From JID player, @To JID to) {
		lobby(to);
		this.games.join(player);
	}

	@OnIq(namespace = Toetem.NAMESPACE, element = "leave", type = IqType.SET)
	void leave(@From JID player, @To JID to) {
		lobby(to);
		this.games.leave(player);
	}

	/**
	 * Balanced, the game is not kept here but where its address leads: it is in the store before
	 * anyone hears of it, the players get its first event (from its address), and its owner is told
	 * to take it ({@code <resume/>}), which opens its room.
	 */
	@OnIq(namespace = Toetem.NAMESPACE, element = "start", type = IqType.SET)
	CompletableFuture<GameState> start(@Valid Start start, @From JID challenger, @To JID to) {
		lobby(to);
		GameRegistry.Started started = this.games.begin(challenger, jid(start.opponent()));
		Game game = started.game();
		if (!this.addresses.balanced()) {
			// Saved before the answer is sent; the service's answer is not awaited (docs/protocol/tictactoe.md, 15.2).
			return CompletableFuture.completedFuture(this.events.started(game));
		}
		this.games.release(game.id());
		return started.saved().handle((done, ex) -> {
			if (ex != null) {
				throw new XmppErrorException(ErrorCondition.RESOURCE_CONSTRAINT,
						"The new game could not be saved; join and start again");
			}
			GameState state = this.events.announce(game);
			this.loader.wake(List.of(game.id()));
			return state;
		});
	}

	@OnIq(namespace = Toetem.NAMESPACE, element = "move", type = IqType.SET)
	CompletableFuture<GameState> move(@Valid Move move, @From JID player, @To JID to) {
		int cell = move.cell();
		return this.loader.hold(this.addresses.gameOf(to, move.game(), "game"))
			.thenApply((game) -> this.events
				.announce(this.games.update(game.id(), player, (position, mark) -> position.play(mark, cell))));
	}

	@OnIq(namespace = Toetem.NAMESPACE, element = "resign", type = IqType.SET)
	CompletableFuture<GameState> resign(@Valid Resign resign, @From JID player, @To JID to) {
		return this.loader.hold(this.addresses.gameOf(to, resign.game(), "game"))
			.thenApply((game) -> this.events
				.announce(this.games.update(game.id(), player, (position, mark) -> position.resign(mark))));
	}

	@OnIq(namespace = Toetem.NAMESPACE, element = "game", type = IqType.GET)
	CompletableFuture<GameState> game(GameState query, @To JID to) {
		return this.loader.hold(this.addresses.gameOf(to, query.id(), "id")).thenApply(this.events::state);
	}

	@OnIq(namespace = Toetem.NAMESPACE, element = "watch", type = IqType.SET)
	CompletableFuture<GameState> watch(@Valid Watch watch, @From JID spectator, @To JID to) {
		return this.loader.hold(this.addresses.gameOf(to, watch.game(), "game"))
			.thenApply((game) -> this.events.state(this.spectators.watch(game.id(), spectator)));
	}

	@OnIq(namespace = Toetem.NAMESPACE, element = "unwatch", type = IqType.SET)
	void unwatch(@Valid Unwatch unwatch, @From JID spectator, @To JID to) {
		this.spectators.unwatch(this.addresses.gameOf(to, unwatch.game(), "game"), spectator);
	}

	/** The referee's own {@code <resume/>}: hold the game its address names. */
	@OnMessage(extension = Toetem.NAMESPACE)
	void resume(@From JID from, @To JID to) {
		this.loader.resume(from, to);
	}

	/** Lobby requests go to the referee's domain, not to a game. */
	private static void lobby(JID to) {
		if (to.getNode() != null) {
			throw new XmppErrorException(ErrorCondition.FEATURE_NOT_IMPLEMENTED,
					"Join, leave and start at the referee's address " + to.getDomain() + ", not at a game's");
		}
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
