package dev.kindling.samples.tictactoe;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Where the referee keeps its games so that a restart loses none. {@link GameRegistry} calls
 * {@link #save} for every change, in the order the changes happen; at start the referee
 * {@link #load loads} the games still playing before it answers game requests.
 *
 * <p>The default, {@link PubSubGameStore}, keeps them as items of a persistent pubsub node on the
 * XMPP server.
 */
interface GameStore {

	/**
	 * Keep a game's new state: a game that is playing is kept, one that ended is dropped (and its
	 * result published, where the store does that). Called with the registry's lock held, once per
	 * change, so it must hand the work off and return at once; a failure is the store's to log and
	 * count, never the caller's.
	 * @param game the game as it is now
	 * @param lastId the registry's id counter: the number in the newest game's id
	 */
	void save(Game game, long lastId);

	/** The games still playing and the id counter, as the store last kept them. */
	CompletableFuture<Snapshot> load();

	/**
	 * Save again what was not confirmed, e.g. after the component reconnected: saves in flight when
	 * the stream broke were lost. Must not block.
	 */
	default void resync() {
	}

	/**
	 * What {@link #load} found.
	 *
	 * @param playing the games still playing
	 * @param lastId the highest game number ever handed out ({@code 0} for none)
	 */
	record Snapshot(List<Game> playing, long lastId) {

		public Snapshot {
			playing = List.copyOf(playing);
		}

	}

	/** Keeps nothing: games live only in memory (for servers without pubsub, and for tests). */
	final class InMemory implements GameStore {

		@Override
		public void save(Game game, long lastId) {
		}

		@Override
		public CompletableFuture<Snapshot> load() {
			return CompletableFuture.completedFuture(new Snapshot(List.of(), 0));
		}

	}

}
