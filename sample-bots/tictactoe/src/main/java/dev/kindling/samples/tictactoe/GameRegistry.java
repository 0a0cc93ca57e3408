package dev.kindling.samples.tictactoe;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.xmpp.packet.JID;

import dev.kindling.ErrorCondition;
import dev.kindling.XmppErrorException;

/**
 * The waiting list and the games held here, in memory, each change of a game and of the waiting
 * list saved through the {@link GameStore}; the last 1,000 ended games stay queryable. Every method
 * is synchronized: requests from different players are handled concurrently, and a move must see
 * the position the previous move left. On several replicas the lobby's replica keeps the waiting
 * list and each game's replica the game ({@link GameLoader}).
 */
@Component
class GameRegistry {

	/** Waiting players by bare JID, in the order they joined, each with the full JID they joined from. */
	private final Map<String, JID> waiting = new LinkedHashMap<>();

	private final Map<String, Game> games = new LinkedHashMap<>();

	/** Ids of ended games, oldest first: only the most recent are kept, so memory stays bounded. */
	private final Deque<String> ended = new ArrayDeque<>();

	private final int endedKept;

	/** Told of every change while the lock is held, so it sees the changes in the order they happened. */
	private final GameStore store;

	private long lastId;

	GameRegistry() {
		this(1000);
	}

	GameRegistry(int endedKept) {
		this(endedKept, new GameStore.InMemory());
	}

	@Autowired
	GameRegistry(GameStore store) {
		this(1000, store);
	}

	GameRegistry(int endedKept, GameStore store) {
		this.endedKept = endedKept;
		this.store = store;
	}

	synchronized void join(JID player) {
		if (this.waiting.putIfAbsent(player.toBareJID(), player) != null) {
			throw new XmppErrorException(ErrorCondition.CONFLICT, player.toBareJID() + " is already waiting");
		}
		this.store.saveWaiting(player);
	}

	synchronized void leave(JID player) {
		if (this.waiting.remove(player.toBareJID()) == null) {
			throw new XmppErrorException(ErrorCondition.ITEM_NOT_FOUND, player.toBareJID() + " is not waiting");
		}
		this.store.dropWaiting(player.toBareJID());
	}

	/**
	 * Takes a player off the waiting list when the client they joined from went offline; another
	 * client of the same user going offline changes nothing.
	 */
	synchronized boolean wentOffline(JID client) {
		boolean left = this.waiting.remove(client.toBareJID(), client);
		if (left) {
			this.store.dropWaiting(client.toBareJID());
		}
		return left;
	}

	/** Starts a game: the challenger plays X, the waiting opponent O; both leave the waiting list. */
	synchronized Game start(JID challenger, JID opponent) {
		return begin(challenger, opponent).game();
	}

	/**
	 * {@link #start}, with the store's confirmation of the new game's save: a game another replica
	 * will own must be in the store before anyone hears of it.
	 */
	synchronized Started begin(JID challenger, JID opponent) {
		if (challenger.toBareJID().equals(opponent.toBareJID())) {
			throw new XmppErrorException(ErrorCondition.BAD_REQUEST, "You cannot play against yourself");
		}
		JID waitingOpponent = this.waiting.remove(opponent.toBareJID());
		if (waitingOpponent == null) {
			throw new XmppErrorException(ErrorCondition.ITEM_NOT_FOUND, opponent.toBareJID() + " is not waiting");
		}
		this.store.dropWaiting(opponent.toBareJID());
		if (this.waiting.remove(challenger.toBareJID()) != null) {
			this.store.dropWaiting(challenger.toBareJID());
		}
		Game game = new Game("g" + (++this.lastId), challenger, waitingOpponent, TicTacToe.newGame());
		this.games.put(game.id(), game);
		return new Started(game, this.store.save(game, this.lastId));
	}

	/**
	 * Applies a player's action to a game and keeps the result; a rejected action leaves the game
	 * as it was.
	 */
	synchronized Game update(String id, JID player, BiFunction<TicTacToe, TicTacToe.Mark, TicTacToe> action) {
		Game game = get(id);
		TicTacToe.Mark mark = game.markOf(player);
		if (mark == null) {
			throw new XmppErrorException(ErrorCondition.FORBIDDEN, player.toBareJID() + " does not play in " + id);
		}
		Game next = game.with(action.apply(game.position(), mark));
		this.games.put(id, next);
		this.store.save(next, this.lastId);
		if (next.position().isOver()) {
			this.ended.add(id);
			while (this.ended.size() > this.endedKept) {
				this.games.remove(this.ended.poll());
			}
		}
		return next;
	}

	/**
	 * Takes back what the store kept: the games still playing, and the id counter, so new games
	 * never reuse an id. Games already here (none, unless requests were let in early) are kept.
	 */
	synchronized void restore(GameStore.Snapshot snapshot) {
		for (Game game : snapshot.playing()) {
			this.games.putIfAbsent(game.id(), game);
		}
		restoreLobby(snapshot, false);
	}

	/**
	 * Takes back the lobby's part of what the store kept: the id counter and the waiting list.
	 * {@code replace}: the store's waiting list replaces this one, since another replica may have
	 * kept the lobby meanwhile (balanced, after each connect); otherwise the players are added.
	 */
	synchronized void restoreLobby(GameStore.Snapshot snapshot, boolean replace) {
		this.lastId = Math.max(this.lastId, snapshot.lastId());
		if (replace) {
			this.waiting.clear();
		}
		for (JID player : snapshot.waiting()) {
			this.waiting.putIfAbsent(player.toBareJID(), player);
		}
	}

	/** A game another replica started, or this one kept before a restart, loaded from the store: held from now on. */
	synchronized Game adopt(Game game) {
		Game held = this.games.putIfAbsent(game.id(), game);
		return (held != null) ? held : game;
	}

	/** Stops holding a game: another replica owns it (the lobby started it for that replica). */
	synchronized void release(String id) {
		this.games.remove(id);
	}

	/**
	 * Stops holding every game, ended ones too: after a reconnect the server may route their
	 * addresses to another replica, which loads them from the store; this one must not keep (and
	 * save) a copy that is no longer the latest.
	 * @return the ids of the games released
	 */
	synchronized List<String> releaseAll() {
		List<String> released = new ArrayList<>(this.games.keySet());
		this.games.clear();
		this.ended.clear();
		return released;
	}

	/** The game, if held here. */
	synchronized @Nullable Game find(String id) {
		return this.games.get(id);
	}

	synchronized Game get(String id) {
		Game game = this.games.get(id);
		if (game == null) {
			throw new XmppErrorException(ErrorCondition.ITEM_NOT_FOUND, "No game " + id);
		}
		return game;
	}

	synchronized List<Game> games() {
		return new ArrayList<>(this.games.values());
	}

	synchronized List<JID> waiting() {
		return new ArrayList<>(this.waiting.values());
	}

	/** The games in progress that {@code client} plays from (its full JID, as it started or joined). */
	synchronized List<Game> playing(JID client) {
		return this.games.values()
			.stream()
			.filter((game) -> !game.position().isOver() && (client.equals(game.x()) || client.equals(game.o())))
			.toList();
	}

	/**
	 * A game just started.
	 *
	 * @param game the new game
	 * @param saved done when the store confirmed its save, failed when it did not
	 */
	record Started(Game game, CompletableFuture<Void> saved) {
	}

	/** The player who played from {@code client} forfeits the game; see {@link TicTacToe#forfeit}. */
	Game forfeit(String id, JID client) {
		return update(id, client, (position, mark) -> position.forfeit(mark));
	}

}
