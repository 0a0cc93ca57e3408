package dev.kindling.samples.tictactoe;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xmpp.packet.JID;

import dev.kindling.ErrorCondition;
import dev.kindling.XmppErrorException;
import dev.kindling.pubsub.NodeConfiguration;
import dev.kindling.pubsub.PubSubItem;
import dev.kindling.pubsub.PubSubTemplate;

/**
 * Keeps the games on the XMPP server: one item per game playing on the persistent node
 * {@code toetem/games} (item id = game id), the id counter as the item {@code counter}, and the
 * final state of every ended game on {@code toetem/results}, and the waiting players on
 * {@code toetem/waiting} (item id = bare JID).
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
			"result", "publish the result", "retract", "retract the item", "waiting", "update the waiting list of");

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
		for (String operation : new String[] { "save", "result", "retract", "load", "restore", "waiting" }) {
			failures(operation);
		}
	}

	@Override
	public synchronized CompletableFuture<Void> save(Game game, long lastId) {
		CompletableFuture<?> counter = CompletableFuture.completedFuture(null);
		if (this.savedLastId.getAndAccumulate(lastId, Math::max) < lastId) {
			counter = sendCounter(lastId);
		}
		this.unconfirmed.remove(game.id());
		this.unconfirmed.put(game.id(), game);
		while (this.unconfirmed.size() > this.unconfirmedKept) {
			this.unconfirmed.remove(this.unconfirmed.keySet().iterator().next());
		}
		return CompletableFuture.allOf(counter, sendState(game));
	}

	@Override
	public void saveWaiting(JID player) {
		send("waiting", player.toBareJID(), () -> this.pubsub.publish(this.properties.waitingNode(), player.toBareJID(),
				new Toetem.Player(player.toString(), System.currentTimeMillis())));
	}

	@Override
	public void dropWaiting(String player) {
		send("waiting", player, () -> this.pubsub.retract(this.properties.waitingNode(), player, false));
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

	private CompletableFuture<?> sendCounter(long lastId) {
		if (lastId > 0) {
			return send("save", GameItems.COUNTER_ITEM, () -> this.pubsub.publish(this.properties.gamesNode(),
					GameItems.COUNTER_ITEM, GameItems.counter(lastId)));
		}
		return CompletableFuture.completedFuture(null);
	}

	private CompletableFuture<?> sendState(Game game) {
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
		return done;
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
		String waiting = this.properties.waitingNode();
		NodeConfiguration waitingConfig = NodeConfiguration.defaults()
			.with(NodeConfiguration.PERSIST_ITEMS, "1")
			.with(NodeConfiguration.MAX_ITEMS, Integer.toString(this.properties.maxGames()))
			// Full JIDs again: the referee's own.
			.with(NodeConfiguration.ACCESS_MODEL, "whitelist")
			.with(NodeConfiguration.TITLE, "Toetem waiting list");
		return this.pubsub.createNodeIfAbsent(games, gamesConfig)
			.thenCompose((created) -> this.pubsub.createNodeIfAbsent(results, resultsConfig))
			.thenCompose((created) -> this.pubsub.createNodeIfAbsent(waiting, waitingConfig))
			.thenCompose((created) -> this.pubsub.items(games))
			.thenCompose((kept) -> this.pubsub.items(results).thenApply((ended) -> snapshot(kept, ended)))
			.thenCompose((snapshot) -> this.pubsub.items(waiting)
				.thenApply((players) -> new Snapshot(snapshot.playing(), snapshot.lastId(), waiting(players))))
			.whenComplete((snapshot, ex) -> {
				if (ex != null) {
					failures("load").increment();
				}
				else {
					this.savedLastId.accumulateAndGet(snapshot.lastId(), Math::max);
				}
			});
	}

	@Override
	public CompletableFuture<Optional<Game>> loadGame(String id) {
		String games = this.properties.gamesNode();
		CompletableFuture<List<PubSubItem>> kept = byId(games, id);
		CompletableFuture<List<PubSubItem>> ended = byId(this.properties.resultsNode(), id);
		return kept.thenCombine(ended, (stored, result) -> {
			List<PubSubItem> items = stored.stream().filter((item) -> id.equals(item.id())).toList();
			if (items.isEmpty()) {
				return Optional.<Game>empty();
			}
			if (result.stream().anyMatch((item) -> id.equals(item.id()))) {
				// It ended, and the retraction never reached the service.
				send("retract", id, () -> this.pubsub.retract(games, id, false));
				return Optional.<Game>empty();
			}
			return resumable(items.get(0));
		}).whenComplete((game, ex) -> {
			if (ex != null) {
				failures("load").increment();
			}
		});
	}

	@Override
	public CompletableFuture<List<Toetem.GameState>> list() {
		return this.pubsub.items(this.properties.gamesNode())
			.thenCombine(this.pubsub.items(this.properties.resultsNode()), (kept, ended) -> {
				Map<String, Toetem.GameState> states = new LinkedHashMap<>();
				for (PubSubItem item : kept) {
					if (!GameItems.COUNTER_ITEM.equals(item.id())) {
						state(item).ifPresent((state) -> states.put(item.id(), state.withClients(null, null)));
					}
				}
				// A result wins over a game item whose retraction was lost.
				ended.forEach((item) -> state(item).ifPresent((state) -> states.put(item.id(), state)));
				List<Toetem.GameState> list = new ArrayList<>(states.values());
				list.sort(Comparator.comparingLong((Toetem.GameState state) -> GameItems.numberOf(state.id())));
				return list;
			});
	}

	private Optional<Toetem.GameState> state(PubSubItem item) {
		try {
			Toetem.GameState state = this.pubsub.payload(item, Toetem.GameState.class);
			return (state.id() != null && state.id().equals(item.id())) ? Optional.of(state) : Optional.empty();
		}
		catch (RuntimeException ex) {
			return Optional.empty();
		}
	}

	/** The item with that id, or none: a service that answers {@code item-not-found} for a missing one says the same. */
	private CompletableFuture<List<PubSubItem>> byId(String node, String id) {
		return this.pubsub.items(node, List.of(id)).exceptionallyCompose((ex) -> {
			Throwable cause = (ex instanceof CompletionException && ex.getCause() != null) ? ex.getCause() : ex;
			if (cause instanceof XmppErrorException error && error.getErrorCondition() == ErrorCondition.ITEM_NOT_FOUND) {
				return CompletableFuture.completedFuture(List.of());
			}
			return CompletableFuture.failedFuture(cause);
		});
	}

	private Optional<Game> resumable(PubSubItem item) {
		try {
			Game game = GameItems.fromStored(this.pubsub.payload(item, Toetem.GameState.class));
			if (!game.id().equals(item.id())) {
				throw new IllegalArgumentException("The item's id is not the game's id " + game.id());
			}
			return Optional.of(game);
		}
		catch (RuntimeException ex) {
			failures("restore").increment();
			logger.warn("Item '{}' of node '{}' on {} is not a game that can be resumed; skipped: {}", item.id(),
					item.node(), this.pubsub.service(), ex.getMessage());
			return Optional.empty();
		}
	}

	private List<JID> waiting(List<PubSubItem> items) {
		record Waiting(JID player, long joined) {
		}
		List<Waiting> players = new ArrayList<>();
		for (PubSubItem item : items) {
			try {
				Toetem.Player player = this.pubsub.payload(item, Toetem.Player.class);
				JID jid = new JID(player.jid());
				if (!jid.toBareJID().equals(item.id())) {
					throw new IllegalArgumentException("The item's id is not the player's bare JID " + jid);
				}
				players.add(new Waiting(jid, (player.joined() != null) ? player.joined() : 0));
			}
			catch (RuntimeException ex) {
				failures("restore").increment();
				logger.warn("Item '{}' of node '{}' on {} is not a waiting player; skipped: {}", item.id(), item.node(),
						this.pubsub.service(), ex.getMessage());
			}
		}
		players.sort(Comparator.comparingLong(Waiting::joined));
		return players.stream().map(Waiting::player).toList();
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
