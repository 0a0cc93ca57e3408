package dev.kindling.samples.tictactoe;

import java.util.List;

/**
 * The games this replica stopped holding after a reconnect (see {@link GameLoader#releaseAll}):
 * what lived only here for them goes, their room membership and their spectators.
 *
 * @param ids the released games' ids
 */
record GamesReleasedEvent(List<String> ids) {

	GamesReleasedEvent {
		ids = List.copyOf(ids);
	}

}
