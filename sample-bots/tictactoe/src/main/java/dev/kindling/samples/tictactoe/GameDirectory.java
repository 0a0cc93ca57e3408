package dev.kindling.samples.tictactoe;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.xmpp.packet.JID;

import dev.kindling.disco.DiscoItem;
import dev.kindling.disco.DiscoItemsProvider;
import dev.kindling.samples.tictactoe.Toetem.GameState;

/**
 * The referee's disco#items: its games (each an item with the game's address and its id as node),
 * and under the node {@value Toetem#WAITING_NODE} the players who wait.
 *
 * <p>Balanced, the games live on several replicas, so the list is the store's (the same whichever
 * replica answers), kept here and read again in the background when it is older than
 * {@value #REFRESH_MILLIS} ms at a request; the games this replica holds are shown as it holds them.
 * The waiting list is the lobby's, which the store backs ({@link GameReload}).
 */
@Component
class GameDirectory implements DiscoItemsProvider {

	static final long REFRESH_MILLIS = 1000;

	private static final Logger logger = LoggerFactory.getLogger(GameDirectory.class);

	private final GameRegistry games;

	private final GameStore store;

	private final GameAddresses addresses;

	private final Clock clock;

	private volatile List<GameState> stored = List.of();

	private volatile Instant storedAt = Instant.EPOCH;

	private final AtomicBoolean refreshing = new AtomicBoolean();

	@Autowired
	GameDirectory(GameRegistry games, GameStore store, GameAddresses addresses) {
		this(games, store, addresses, Clock.systemUTC());
	}

	GameDirectory(GameRegistry games, GameStore store, GameAddresses addresses, Clock clock) {
		this.games = games;
		this.store = store;
		this.addresses = addresses;
		this.clock = clock;
	}

	@Override
	public List<DiscoItem> items(JID requester, JID target, @Nullable String node) {
		if (target.getNode() != null) {
			return List.of();
		}
		if (node == null) {
			return list().stream()
				.map((game) -> new DiscoItem(this.addresses.of(game.id()), game.x() + " vs " + game.o() + ": " + game.status(),
						game.id()))
				.toList();
		}
		if (Toetem.WAITING_NODE.equals(node)) {
			return this.games.waiting().stream().map((player) -> new DiscoItem(player.asBareJID(), null, null)).toList();
		}
		return List.of();
	}

	/** The games as listed: the store's (balanced) overlaid with those held here, oldest first. */
	List<GameState> list() {
		Map<String, GameState> listed = new LinkedHashMap<>();
		if (this.addresses.balanced()) {
			refreshIfStale();
			this.stored.forEach((game) -> listed.put(game.id(), game));
		}
		for (Game game : this.games.games()) {
			listed.put(game.id(), GameState.of(game));
		}
		List<GameState> list = new ArrayList<>(listed.values());
		list.sort(Comparator.comparingLong((GameState game) -> GameItems.numberOf(game.id())));
		return list;
	}

	/** Reads the store's list again; the answer being built uses what was read before. */
	void refreshIfStale() {
		Instant now = this.clock.instant();
		if (Duration.between(this.storedAt, now).toMillis() < REFRESH_MILLIS || !this.refreshing.compareAndSet(false, true)) {
			return;
		}
		try {
			this.store.list().whenComplete((list, ex) -> {
				if (ex == null) {
					this.stored = list;
					this.storedAt = this.clock.instant();
				}
				else {
					logger.debug("Could not read the game list from the store: {}", ex.toString());
				}
				this.refreshing.set(false);
			});
		}
		catch (RuntimeException ex) {
			this.refreshing.set(false);
			logger.debug("Could not read the game list from the store: {}", ex.toString());
		}
	}

}
