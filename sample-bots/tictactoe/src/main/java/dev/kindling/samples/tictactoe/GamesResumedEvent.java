package dev.kindling.samples.tictactoe;

import java.util.List;

/**
 * The games still playing that the referee got back from its {@link GameStore} at start. What
 * lived only in the old process comes back from here: the games' rooms and the players' presence.
 *
 * @param games the resumed games
 */
record GamesResumedEvent(List<Game> games) {

	GamesResumedEvent {
		games = List.copyOf(games);
	}

}
