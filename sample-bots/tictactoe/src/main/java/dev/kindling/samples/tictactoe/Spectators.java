package dev.kindling.samples.tictactoe;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.xmpp.packet.JID;

import dev.kindling.ErrorCondition;
import dev.kindling.XmppErrorException;

/**
 * Who watches which game: full JIDs, each receiving every event of the game until it unwatches,
 * goes offline or the game ends. Bounded: a game has at most {@value #MAX_PER_GAME} spectators,
 * and an ended game's are forgotten after its last event.
 */
@Component
class Spectators {

	static final int MAX_PER_GAME = 1000;

	private final GameRegistry games;

	private final Map<String, Set<JID>> watchers = new ConcurrentHashMap<>();

	Spectators(GameRegistry games) {
		this.games = games;
	}

	/**
	 * Starts sending a game's events to {@code spectator}; returns the game as it is now. An ended
	 * game is returned without watching it: it has no events left.
	 */
	Game watch(String id, JID spectator) {
		Game game = this.games.get(id);
		if (game.markOf(spectator) != null) {
			throw new XmppErrorException(ErrorCondition.BAD_REQUEST,
					spectator.toBareJID() + " plays in " + id + " and receives its events already");
		}
		if (game.position().isOver()) {
			return game;
		}
		Set<JID> spectators = this.watchers.computeIfAbsent(id, (key) -> ConcurrentHashMap.newKeySet());
		if (spectators.size() >= MAX_PER_GAME && !spectators.contains(spectator)) {
			throw new XmppErrorException(ErrorCondition.RESOURCE_CONSTRAINT, id + " has " + MAX_PER_GAME + " spectators already");
		}
		spectators.add(spectator);
		Game now = this.games.get(id);
		if (now.position().isOver()) {
			// It ended while we added: its last event may have gone out already, so nobody is left waiting for more.
			forget(id);
		}
		return now;
	}

	void unwatch(String id, JID spectator) {
		Set<JID> spectators = this.watchers.get(id);
		if (spectators == null || !spectators.remove(spectator)) {
			throw new XmppErrorException(ErrorCondition.ITEM_NOT_FOUND, spectator + " is not watching " + id);
		}
		this.watchers.computeIfPresent(id, (key, left) -> left.isEmpty() ? null : left);
	}

	List<JID> of(String id) {
		Set<JID> spectators = this.watchers.get(id);
		return (spectators != null) ? List.copyOf(spectators) : List.of();
	}

	/** A client went offline: it watches nothing any more. */
	void drop(JID client) {
		for (String id : this.watchers.keySet()) {
			Set<JID> spectators = this.watchers.get(id);
			if (spectators != null && spectators.remove(client)) {
				this.watchers.computeIfPresent(id, (key, left) -> left.isEmpty() ? null : left);
			}
		}
	}

	void forget(String id) {
		this.watchers.remove(id);
	}

	/** Games this process no longer holds: their spectators watch again where the games are now. */
	@EventListener
	void released(GamesReleasedEvent event) {
		event.ids().forEach(this::forget);
	}

}
