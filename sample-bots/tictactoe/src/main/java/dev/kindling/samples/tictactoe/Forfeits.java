package dev.kindling.samples.tictactoe;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;

import dev.kindling.builtin.PingHandler;
import dev.kindling.template.XmppTemplate;

/**
 * A player whose client went offline during a game forfeits it after {@code toetem.forfeit-grace},
 * unless a client of the same user (bare JID) comes back first. Only the client a player plays
 * from counts: the full JID they started or joined from.
 *
 * <p>A restarted referee has heard no presence yet: it pings (XEP-0199) the clients of the games it
 * resumed, and one that does not answer with a result is taken as gone offline.
 */
@Component
class Forfeits {

	private static final Logger logger = LoggerFactory.getLogger(Forfeits.class);

	private final GameRegistry games;

	private final GameEvents events;

	private final ScheduledExecutorService timer;

	private final Duration grace;

	private final XmppTemplate xmpp;

	/** Clients gone offline in a game, by full JID. */
	private final Map<JID, Pending> pending = new ConcurrentHashMap<>();

	Forfeits(ToetemProperties properties, GameRegistry games, GameEvents events, ScheduledExecutorService toetemTimer,
			XmppTemplate xmpp) {
		if (properties.forfeitGrace().isNegative()) {
			throw new InvalidConfigurationPropertyValueException("toetem.forfeit-grace", properties.forfeitGrace(),
					"Must not be negative.");
		}
		this.grace = properties.forfeitGrace();
		this.games = games;
		this.events = events;
		this.timer = toetemTimer;
		this.xmpp = xmpp;
	}

	/** After a restart: every player's client is pinged, and a failed ping counts as going offline. */
	@EventListener
	void resumed(GamesResumedEvent event) {
		for (Game game : event.games()) {
			for (JID client : new JID[] { game.x(), game.o() }) {
				IQ ping = new IQ(IQ.Type.get);
				// From the game's address: the answer reaches the replica that owns the game.
				ping.setFrom(new JID(game.id(), this.xmpp.componentJid().getDomain(), null));
				ping.setTo(client);
				ping.setChildElement("ping", PingHandler.NAMESPACE);
				this.xmpp.request(ping).whenComplete((answer, ex) -> {
					if (ex != null) {
						logger.debug("{} did not answer a ping after the restart: {}", client, ex.getMessage());
						wentOffline(client);
					}
				});
			}
		}
	}

	/** The client's unavailable presence: its games are forfeited after the grace period. */
	void wentOffline(JID client) {
		if (this.games.playing(client).isEmpty()) {
			return;
		}
		Pending forfeit = new Pending(client);
		Pending earlier = this.pending.put(client, forfeit);
		if (earlier != null) {
			earlier.cancel();
		}
		forfeit.future = this.timer.schedule(forfeit, this.grace.toMillis(), TimeUnit.MILLISECONDS);
		logger.debug("{} went offline; its games are forfeited in {}", client, this.grace);
	}

	/** An available presence: every pending forfeit of the same user is called off. */
	void cameBack(JID client) {
		String user = client.toBareJID();
		this.pending.values().removeIf((forfeit) -> {
			if (forfeit.client.toBareJID().equals(user)) {
				forfeit.cancel();
				return true;
			}
			return false;
		});
	}

	/** Clients whose forfeit is pending. */
	int pending() {
		return this.pending.size();
	}

	private void forfeit(JID client) {
		for (Game game : this.games.playing(client)) {
			try {
				this.events.announce(this.games.forfeit(game.id(), client));
				logger.info("{} forfeited game {}", client, game.id());
			}
			catch (TicTacToe.IllegalMoveException ex) {
				// The game ended meanwhile (a last move, a resignation): nothing to forfeit.
			}
			catch (RuntimeException ex) {
				logger.warn("Could not forfeit game {} for {}", game.id(), client, ex);
			}
		}
	}

	private final class Pending implements Runnable {

		private final JID client;

		private volatile @Nullable ScheduledFuture<?> future;

		private Pending(JID client) {
			this.client = client;
		}

		@Override
		public void run() {
			// Only if still pending: a presence may have called it off just now.
			if (Forfeits.this.pending.remove(this.client, this)) {
				forfeit(this.client);
			}
		}

		void cancel() {
			ScheduledFuture<?> scheduled = this.future;
			if (scheduled != null) {
				scheduled.cancel(false);
			}
		}

	}

}
