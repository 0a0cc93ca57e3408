package dev.kindling.samples.tictactoe;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.xmpp.packet.IQ;
import org.xmpp.packet.Packet;

import dev.kindling.ErrorCondition;
import dev.kindling.IqChild;
import dev.kindling.StanzaNotSentException;
import dev.kindling.XmppErrorException;
import dev.kindling.connection.ComponentConnectedEvent;
import dev.kindling.handler.Replies;
import dev.kindling.routing.RoutingInterceptor;
import dev.kindling.template.XmppTemplate;

/**
 * Loads the games from the {@link GameStore} once the component is connected, and until they are
 * loaded answers every request of the Toetem protocol with a {@code wait} error
 * ({@code resource-constraint}), so nobody starts a game that could take a stored game's id or
 * moves in a game the referee has not got back yet. A failed load is tried again after
 * {@code toetem.store.load-retry}. After a reconnect it has the store save again what the service
 * did not confirm. The games it got back are announced as a {@link GamesResumedEvent}.
 *
 * <p>Balanced ({@link GameAddresses#balanced()}), it loads at every connect, since a reconnect may
 * hand this replica the lobby: the waiting list and the id counter replace what it had, and the
 * owner of every game still playing is told to hold it ({@link GameLoader#wake}), so a restarted
 * replica's games come back without waiting for their players.
 *
 * <p>Refusing rather than holding the requests keeps memory bounded however many players retry,
 * and the window is one round trip to the pubsub service; {@code wait} tells clients to retry.
 */
final class GameReload implements RoutingInterceptor, DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(GameReload.class);

	private final GameStore store;

	private final GameRegistry registry;

	private final XmppTemplate xmpp;

	private final Duration retry;

	private final ApplicationEventPublisher events;

	private final GameAddresses addresses;

	private final GameLoader loader;

	private final AtomicBoolean loading = new AtomicBoolean();

	private volatile boolean loaded;

	private volatile boolean closed;

	GameReload(GameStore store, GameRegistry registry, XmppTemplate xmpp, Duration retry,
			ApplicationEventPublisher events, GameAddresses addresses, GameLoader loader) {
		this.addresses = addresses;
		this.loader = loader;
		this.store = store;
		this.registry = registry;
		this.xmpp = xmpp;
		this.retry = retry;
		this.events = events;
	}

	/** Whether the stored games are back and game requests are answered. */
	boolean isLoaded() {
		return this.loaded;
	}

	@EventListener
	void connected(ComponentConnectedEvent event) {
		if (this.addresses.balanced()) {
			// Each connect may hand this replica other slots (the lobby's, other games'): it keeps no game,
			// and saves none again (another replica may have changed it since); the store has what the
			// players saw, since each save was on the stream before its answer.
			this.loader.releaseAll();
			this.loaded = false;
			load();
		}
		else if (this.loaded) {
			// A reconnect: saves in flight when the stream broke were lost.
			this.store.resync();
		}
		else {
			load();
		}
	}

	private void load() {
		if (this.loaded || this.closed || !this.loading.compareAndSet(false, true)) {
			return;
		}
		CompletableFuture<GameStore.Snapshot> snapshot;
		try {
			snapshot = this.store.load();
		}
		catch (RuntimeException ex) {
			snapshot = CompletableFuture.failedFuture(ex);
		}
		snapshot.whenComplete((found, ex) -> {
			if (ex == null && this.addresses.balanced()) {
				// The lobby's part here; each game goes back to the replica its address leads to.
				this.registry.restoreLobby(found, true);
				this.loaded = true;
				logger.info("Loaded the lobby ({} waiting, last game number {}); waking the owners of {} games still playing",
						found.waiting().size(), found.lastId(), found.playing().size());
				this.loader.wake(found.playing().stream().map(Game::id).toList());
			}
			else if (ex == null) {
				this.registry.restore(found);
				this.loaded = true;
				logger.info("Resumed {} games still playing; the last game number was {}", found.playing().size(),
						found.lastId());
				if (!found.playing().isEmpty()) {
					this.events.publishEvent(new GamesResumedEvent(found.playing()));
				}
			}
			else {
				Throwable cause = (ex instanceof CompletionException && ex.getCause() != null)
						? ex.getCause() : ex;
				logger.error("Could not load the games; game requests get 'resource-constraint' until a retry in {}: {}",
						this.retry, cause.toString());
			}
			this.loading.set(false);
			if (ex != null) {
				CompletableFuture.delayedExecutor(this.retry.toMillis(), TimeUnit.MILLISECONDS).execute(this::load);
			}
		});
	}

	@Override
	public boolean preRoute(Packet stanza) {
		if (this.loaded || !(stanza instanceof IQ iq) || !iq.isRequest()) {
			return true;
		}
		if (!Toetem.NAMESPACE.equals(IqChild.namespace(iq))) {
			return true;
		}
		try {
			this.xmpp.send(Replies.error(iq, new XmppErrorException(ErrorCondition.RESOURCE_CONSTRAINT,
					"The referee is loading its games; try again in a moment")));
		}
		catch (StanzaNotSentException ex) {
			logger.debug("Could not refuse a request while loading: {}", ex.getMessage());
		}
		return false;
	}

	@Override
	public void destroy() {
		this.closed = true;
	}

}
