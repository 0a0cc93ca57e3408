package dev.kindling.samples.tictactoe;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;

import dev.kindling.StanzaNotSentException;
import dev.kindling.payload.PayloadMapper;
import dev.kindling.samples.tictactoe.Toetem.GameState;
import dev.kindling.template.XmppTemplate;

/**
 * Tells everyone concerned what happened to a game: its players and spectators get a
 * {@code normal} message with the {@code <game/>} state from the game's address, its room the
 * summary as groupchat.
 */
@Component
class GameEvents {

	private static final Logger logger = LoggerFactory.getLogger(GameEvents.class);

	private final XmppTemplate xmpp;

	private final PayloadMapper payloads;

	private final Spectators spectators;

	private final GameRooms rooms;

	private final GameAddresses addresses;

	private final AtomicLong undelivered = new AtomicLong();

	GameEvents(XmppTemplate xmpp, PayloadMapper payloads, Spectators spectators, GameRooms rooms,
			GameAddresses addresses) {
		this.xmpp = xmpp;
		this.payloads = payloads;
		this.spectators = spectators;
		this.rooms = rooms;
		this.addresses = addresses;
	}

	/** The state as the protocol shows it, with the game's address and its room while there is one. */
	GameState state(Game game) {
		return GameState.of(game).withRoom(this.rooms.roomOf(game.id())).withJid(this.addresses.of(game.id()).toString());
	}

	/** A new game: its room is made (players invited) and its first event sent. */
	GameState started(Game game) {
		this.rooms.open(game);
		return announce(game);
	}

	/**
	 * Sends the game's new state, from the game's address, to its players, spectators and room;
	 * returns the state. The change
	 * itself is already made: an event that cannot be sent (the component is down, or its outbound
	 * buffer is full) is counted and logged, and the recipient catches up with a query.
	 */
	GameState announce(Game game) {
		GameState state = state(game);
		String summary = describe(game);
		List<JID> recipients = new ArrayList<>(List.of(game.x(), game.o()));
		recipients.addAll(this.spectators.of(game.id()));
		for (JID recipient : recipients) {
			Message event = new Message();
			event.setFrom(this.addresses.of(game.id()));
			event.setTo(recipient);
			event.setType(Message.Type.normal);
			event.setBody(summary);
			event.addExtension(this.payloads.toExtension(state));
			try {
				this.xmpp.send(event);
			}
			catch (StanzaNotSentException ex) {
				long count = this.undelivered.incrementAndGet();
				if (Long.bitCount(count) == 1) {
					logger.warn("Could not send game {}'s event to {} ({}); {} undelivered so far", game.id(), recipient,
							ex.getMessage(), count);
				}
			}
		}
		this.rooms.post(game.id(), summary);
		if (game.position().isOver()) {
			this.spectators.forget(game.id());
			this.rooms.close(game.id());
			logger.debug("Game {} ended: {}", game.id(), state.status());
		}
		return state;
	}

	/** Events that could not be sent. */
	long undelivered() {
		return this.undelivered.get();
	}

	/** The human-readable summary: who is to move or how it ended, and the board in three rows. */
	static String describe(Game game) {
		TicTacToe position = game.position();
		String board = position.board();
		String rows = board.substring(0, 3) + "\n" + board.substring(3, 6) + "\n" + board.substring(6);
		String news = switch (position.status()) {
			case IN_PROGRESS -> (position.toMove() == TicTacToe.Mark.X ? game.x() : game.o()).toBareJID() + " ("
					+ position.toMove() + ") to move";
			case X_WON -> game.x().toBareJID() + " (X) wins" + how(position);
			case O_WON -> game.o().toBareJID() + " (O) wins" + how(position);
			case DRAW -> "Draw";
		};
		return "Game " + game.id() + ", " + game.title() + ": " + news + "\n" + rows;
	}

	private static String how(TicTacToe position) {
		if (position.resigned() != null) {
			return " by resignation";
		}
		return (position.forfeited() != null) ? " by forfeit" : "";
	}

}
