package dev.kindling.samples.tictactoe;

import org.springframework.stereotype.Component;
import org.xmpp.packet.JID;

import dev.kindling.handler.From;
import dev.kindling.handler.OnPresence;
import dev.kindling.handler.PresenceType;

/**
 * Players' and spectators' directed presence to the referee (and the unavailable presence the
 * server sends for them when their session ends).
 */
@Component
class Presences {

	private final Forfeits forfeits;

	private final Spectators spectators;

	private final GameRegistry games;

	Presences(Forfeits forfeits, Spectators spectators, GameRegistry games) {
		this.forfeits = forfeits;
		this.spectators = spectators;
		this.games = games;
	}

	@OnPresence(type = PresenceType.AVAILABLE)
	void available(@From JID client) {
		this.forfeits.cameBack(client);
	}

	@OnPresence(type = PresenceType.UNAVAILABLE)
	void unavailable(@From JID client) {
		this.spectators.drop(client);
		this.games.wentOffline(client);
		this.forfeits.wentOffline(client);
	}

}
