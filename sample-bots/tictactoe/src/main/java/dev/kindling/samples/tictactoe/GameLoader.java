package dev.kindling.samples.tictactoe;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;

import dev.kindling.ErrorCondition;
import dev.kindling.StanzaNotSentException;
import dev.kindling.XmppErrorException;
import dev.kindling.template.XmppTemplate;

/**
 * The games this replica holds, loaded when first needed. Balanced, a replica holds the games whose
 * address the server hashes to it: a stanza for a game it does not hold (a move, the lobby's
 * {@code <resume/>} after a start, another replica's after a restart) loads it from the
 * {@link GameStore}, which is the authority, and from then on the replica holds it; its room and
 * its players' presence come back as after a restart ({@link GamesResumedEvent}). On one process
 * every stored game was loaded at start ({@link GameReload}), so an unknown game is just unknown.
 */
@Component
class GameLoader {

	private static final Logger logger = LoggerFactory.getLogger(GameLoader.class);

	private final GameRegistry registry;

	private final GameStore store;

	private final GameAddresses addresses;

	private final XmppTemplate xmpp;

	private final ApplicationEventPublisher events;

	/** Loads in flight, so concurrent stanzas for one game share one. */
	private final Map<String, CompletableFuture<Game>> loading = new ConcurrentHashMap<>();

	GameLoader(GameRegistry registry, GameStore store, GameAddresses addresses, XmppTemplate xmpp,
			ApplicationEventPublisher events) {
		this.registry = registry;
		this.store = store;
		this.addresses = addresses;
		this.xmpp = xmpp;
		this.events = events;
	}

	/** The game, loaded from the store when this replica does not hold it yet; {@code item-not-found} when nobody keeps it. */
	CompletableFuture<Game> hold(String id) {
		Game held = this.registry.find(id);
		if (held != null) {
			return CompletableFuture.completedFuture(held);
		}
		if (!this.addresses.balanced()) {
			return CompletableFuture.failedFuture(notFound(id));
		}
		CompletableFuture<Game> load = new CompletableFuture<>();
		CompletableFuture<Game> earlier = this.loading.putIfAbsent(id, load);
		if (earlier != null) {
			return earlier;
		}
		CompletableFuture<java.util.Optional<Game>> stored;
		try {
			stored = this.store.loadGame(id);
		}
		catch (RuntimeException ex) {
			stored = CompletableFuture.failedFuture(ex);
		}
		stored.whenComplete((found, ex) -> {
			this.loading.remove(id, load);
			if (ex != null) {
				Throwable cause = (ex instanceof CompletionException && ex.getCause() != null) ? ex.getCause() : ex;
				logger.warn("Could not load game {} from the store: {}", id, cause.toString());
				load.completeExceptionally(new XmppErrorException(ErrorCondition.RESOURCE_CONSTRAINT,
						"Game " + id + " could not be loaded; try again in a moment"));
			}
			else if (found.isEmpty()) {
				load.completeExceptionally(notFound(id));
			}
			else {
				Game game = this.registry.adopt(found.get());
				logger.info("Holding game {} from now on (loaded from the store)", id);
				if (!game.position().isOver()) {
					this.events.publishEvent(new GamesResumedEvent(List.of(game)));
				}
				load.complete(game);
			}
		});
		return load;
	}

	/**
	 * Balanced, after a reconnect: the server may now route some of the games held here to another
	 * replica, so none is kept; those still routed here come back from the store ({@link #wake}).
	 * Their spectators watch again, as after a restart.
	 */
	void releaseAll() {
		List<String> released = this.registry.releaseAll();
		if (!released.isEmpty()) {
			this.events.publishEvent(new GamesReleasedEvent(released));
			logger.info("Released {} games after a reconnect; the store has them for whichever replica holds them now",
					released.size());
		}
	}

	/**
	 * Tells whichever replica owns each game's address to hold it: a message from the domain with
	 * {@code <resume/>}, which the server routes like any stanza to the game.
	 */
	void wake(List<String> ids) {
		for (String id : ids) {
			Message resume = new Message();
			resume.setFrom(this.addresses.lobby());
			resume.setTo(this.addresses.of(id));
			resume.addChildElement(Toetem.RESUME, Toetem.NAMESPACE);
			try {
				this.xmpp.send(resume);
			}
			catch (StanzaNotSentException ex) {
				logger.warn("Could not ask the owner of game {} to resume it: {}", id, ex.getMessage());
			}
		}
	}

	/** A {@code <resume/>} from the referee's own domain (nobody else can send from it): hold the game. */
	void resume(JID from, JID to) {
		if (!this.addresses.lobby().equals(from.asBareJID()) || to.getNode() == null) {
			return;
		}
		hold(to.getNode()).exceptionally((ex) -> {
			logger.debug("Could not resume game {}: {}", to.getNode(), ex.getMessage());
			return null;
		});
	}

	private static XmppErrorException notFound(String id) {
		return new XmppErrorException(ErrorCondition.ITEM_NOT_FOUND, "No game " + id);
	}

}
