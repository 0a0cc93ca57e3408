package dev.kindling.samples.tictactoe;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.xmpp.packet.JID;

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
	 * @return done when the store confirmed the save, failed when it refused or did not answer
	 */
	CompletableFuture<Void> save(Game game, long lastId);

	/**
	 * Keep a player on the waiting list, with the full JID they joined from; like {@link #save},
	 * sent at once and never the caller's failure.
	 */
	default void saveWaiting(JID player) {
	}

	/** Take a player (bare JID) off the waiting list; like {@link #saveWaiting}. */
	default void dropWaiting(String player) {
	}

	/** The games still playing, the id counter and the waiting list, as the store last kept them. */
	CompletableFuture<Snapshot> load();

	/**
	 * One game still playing, as the store kept it: what a replica that receives a stanza for a game
	 * it does not hold loads. Empty for a game the store does not keep (unknown, or ended).
	 */
	default CompletableFuture<Optional<Game>> loadGame(String id) {
		return CompletableFuture.completedFuture(Optional.empty());
	}

	/**
	 * The games the store knows, playing and recently ended, as players see them: the game list
	 * that is the same whichever replica answers. Empty for a store that keeps nothing.
	 */
	default CompletableFuture<List<Toetem.GameState>> list() {
		return CompletableFuture.completedFuture(List.of());
	}

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
	 * @param waiting the waiting players, each the full JID they joined from, in the order they joined
	 */
	record Snapshot(List<Game> playing, long lastId, List<JID> waiting) {

		public Snapshot {
			playing = List.copyOf(playing);
			waiting = List.copyOf(waiting);
		}

		Snapshot(List<Game> playing, long lastId) {
			this(playing, lastId, List.of());
		}

	}

	/** Keeps nothing: games live only in memory (for servers without pubsub, and for tests). */
	final class InMemory implements GameStore {

		@Override
		public CompletableFuture<Void> save(Game game, long lastId) {
			return CompletableFuture.completedFuture(null);
		}

		@Override
		public CompletableFuture<Snapshot> load() {
			return CompletableFuture.completedFuture(new Snapshot(List.of(), 0));
		}

	}

}
