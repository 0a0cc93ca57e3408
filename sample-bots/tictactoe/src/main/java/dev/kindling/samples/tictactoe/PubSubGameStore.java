package dev.kindling.samples.tictactoe;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.kindling.pubsub.NodeConfiguration;
import dev.kindling.pubsub.PubSubItem;
import dev.kindling.pubsub.PubSubTemplate;

/**
 * Keeps the games on the XMPP server: one item per game playing on the persistent node
 * {@code toetem/games} (item id = game id), the id counter as the item {@code counter}, and the
 * final state of every ended game on {@code toetem/results}.
 *
 * <p>{@link #save} only sends: the publish is queued on the component's stream, in the order of the
 * changes and before the answer to the player's request, and its answer is awaited by nobody. A
 * failed save is logged and counted ({@value #FAILURES}); the next change of that game saves its
 * whole state again, and so does {@link #resync} after a reconnect.
 */
final class PubSubGameStore implements GameStore {

	static final String FAILURES = "toetem.store.failures";

	private static final Logger logger = LoggerFactory.getLogger(PubSubGameStore.class);

	private static final Map<String, String> WHAT = Map.of("save", "save the state",
			"result", "publish the result", "retract", "retract the item");

	private final PubSubTemplate pubsub;

	private final ToetemStoreProperties properties;

	private final MeterRegistry meters;

	/** The counter as last sent, so it is published only when a game was started. */
	private final AtomicLong savedLastId = new AtomicLong(-1);

	/**
	 * The last state sent of each game whose save the service has not confirmed (yet), oldest
	 * first, for {@link #resync}; bounded, so an unreachable service costs no more memory than this.
	 * Guarded by {@code this}, which also orders the sends of {@link #save} and {@link #resync}.
	 */
	private final Map<String, Game> unconfirmed = new LinkedHashMap<>();

	private final int unconfirmedKept;

	PubSubGameStore(PubSubTemplate pubsub, ToetemStoreProperties properties,
			MeterRegistry meters) {
		this.pubsub = pubsub;
		this.properties = properties;
		this.meters = meters;
		this.unconfirmedKept = properties.maxGames() + properties.maxResults();
		for (String operation : new String[] { "save", "result", "retract", "load", "restore" }) {
			failures(operation);
		}
	}

	@Override
	public synchronized void save(Game game, long lastId) {
		if (this.savedLastId.getAndAccumulate(lastId, Math::max) < lastId) {
			sendCounter(lastId);
		}
		this.unconfirmed.remove(game.id());
		this.unconfirmed.put(game.id(), game);
		while (this.unconfirmed.size() > this.unconfirmedKept) {
			this.unconfirmed.remove(this.unconfirmed.keySet().iterator().next());
		}
		sendState(game);
	}

	@Override
	public synchronized void resync() {
		List<Game> again = new ArrayList<>(this.unconfirmed.values());
		if (!again.isEmpty()) {
			logger.info("Saving {} games again that {} did not confirm", again.size(), this.pubsub.service());
		}
		sendCounter(this.savedLastId.get());
		again.forEach(this::sendState);
	}

	/** Number of games whose last save the service has not confirmed. */
	synchronized int unconfirmed() {
		return this.unconfirmed.size();
	}

	private void sendCounter(long lastId) {
		if (lastId > 0) {
			send("save", GameItems.COUNTER_ITEM, () -> this.pubsub.publish(this.properties.gamesNode(),
					GameItems.COUNTER_ITEM, GameItems.counter(lastId)));
		}
	}

	private void sendState(Game game) {
		String games = this.properties.gamesNode();
		CompletableFuture<?> done;
		if (!game.position().isOver()) {
			done = send("save", game.id(),
					() -> this.pubsub.publish(games, game.id(), GameItems.toStored(game)));
		}
		else {
			// The result first: should the retraction be lost, loading finds the result and drops the game.
			done = CompletableFuture.allOf(
					send("result", game.id(),
							() -> this.pubsub.publish(this.properties.resultsNode(), game.id(), Toetem.GameState.of(game))),
					send("retract", game.id(), () -> this.pubsub.retract(games, game.id(), false)));
		}
		done.thenRun(() -> confirmed(game));
	}

	/** Forgets the game unless a newer state of it was sent meanwhile. */
	private synchronized void confirmed(Game game) {
		this.unconfirmed.remove(game.id(), game);
	}

	@Override
	public CompletableFuture<Snapshot> load() {
		String games = this.properties.gamesNode();
		String results = this.properties.resultsNode();
		NodeConfiguration gamesConfig = NodeConfiguration.defaults()
			.with(NodeConfiguration.PERSIST_ITEMS, "1")
			.with(NodeConfiguration.MAX_ITEMS, Integer.toString(this.properties.maxGames()))
			// The items name the players' full JIDs: nobody but the referee reads them.
			.with(NodeConfiguration.ACCESS_MODEL, "whitelist")
			.with(NodeConfiguration.TITLE, "Toetem games in progress");
		NodeConfiguration resultsConfig = NodeConfiguration.defaults()
			.with(NodeConfiguration.PERSIST_ITEMS, "1")
			.with(NodeConfiguration.MAX_ITEMS, Integer.toString(this.properties.maxResults()))
			.with(NodeConfiguration.ACCESS_MODEL, "open")
			.with(NodeConfiguration.TITLE, "Toetem results");
		return this.pubsub.createNodeIfAbsent(games, gamesConfig)
			.thenCompose((created) -> this.pubsub.createNodeIfAbsent(results, resultsConfig))
			.thenCompose((created) -> this.pubsub.items(games))
			.thenCompose((kept) -> this.pubsub.items(results).thenApply((ended) -> snapshot(kept, ended)))
			.whenComplete((snapshot, ex) -> {
				if (ex != null) {
					failures("load").increment();
				}
				else {
					this.savedLastId.accumulateAndGet(snapshot.lastId(), Math::max);
				}
			});
	}

	private Snapshot snapshot(List<PubSubItem> kept, List<PubSubItem> ended) {
		Set<String> endedIds = new HashSet<>();
		long lastId = 0;
		for (PubSubItem result : ended) {
			endedIds.add(result.id());
			lastId = Math.max(lastId, GameItems.numberOf(result.id()));
		}
		List<Game> playing = new ArrayList<>();
		for (PubSubItem item : kept) {
			try {
				if (GameItems.COUNTER_ITEM.equals(item.id())) {
					lastId = Math.max(lastId, this.pubsub.payload(item, Toetem.Counter.class).last());
					continue;
				}
				lastId = Math.max(lastId, GameItems.numberOf(item.id()));
				if (endedIds.contains(item.id())) {
					// A retraction that never reached the service: the game ended.
					send("retract", item.id(), () -> this.pubsub.retract(this.properties.gamesNode(), item.id(), false));
					continue;
				}
				Game game = GameItems.fromStored(this.pubsub.payload(item, Toetem.GameState.class));
				if (!game.id().equals(item.id())) {
					throw new IllegalArgumentException("The item's id is not the game's id " + game.id());
				}
				playing.add(game);
			}
			catch (RuntimeException ex) {
				failures("restore").increment();
				logger.warn("Item '{}' of node '{}' on {} is not a game that can be resumed; skipped: {}", item.id(),
						item.node(), this.pubsub.service(), ex.getMessage());
			}
		}
		return new Snapshot(playing, lastId);
	}

	/** Sends now (the request is queued before this returns); a failure, now or later, is logged and counted. */
	private CompletableFuture<?> send(String operation, String gameId,
			Supplier<CompletableFuture<?>> request) {
		CompletableFuture<?> answer;
		try {
			answer = request.get();
		}
		catch (RuntimeException ex) {
			answer = CompletableFuture.failedFuture(ex);
		}
		return answer.whenComplete((done, ex) -> {
			if (ex != null) {
				failures(operation).increment();
				Throwable cause = (ex instanceof CompletionException && ex.getCause() != null) ? ex.getCause() : ex;
				logger.warn("Could not {} of game {} on {}: {}", WHAT.get(operation), gameId, this.pubsub.service(),
						cause.toString());
			}
		});
	}

	private Counter failures(String operation) {
		return Counter.builder(FAILURES)
			.description("Saves of Toetem games the pubsub service did not confirm")
			.tag("operation", operation)
			.register(this.meters);
	}

}
