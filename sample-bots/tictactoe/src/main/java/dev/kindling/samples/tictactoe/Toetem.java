package dev.kindling.samples.tictactoe;

import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;
import tools.jackson.dataformat.xml.annotation.JacksonXmlProperty;

import dev.kindling.payload.XmppPayload;

/** The protocol's namespace and its payloads; see docs/protocol/tictactoe.md. */
final class Toetem {

	static final String NAMESPACE = "urn:kindling:toetem:0";

	/** The disco#items node listing the players who wait for a game. */
	static final String WAITING_NODE = "waiting";

	private Toetem() {
	}

	/** {@code <start opponent='bob@localhost'/>}: start a game with a waiting player. */
	@XmppPayload(namespace = NAMESPACE, element = "start")
	record Start(@JacksonXmlProperty(isAttribute = true) @NotNull String opponent) {
	}

	/**
	 * {@code <move cell='4'/>} to the game's address (or {@code <move game='g1' cell='4'/>} to the
	 * referee's): mark a cell, 0 to 8 row by row.
	 */
	@XmppPayload(namespace = NAMESPACE, element = "move")
	record Move(@JacksonXmlProperty(isAttribute = true) @Nullable String game,
			@JacksonXmlProperty(isAttribute = true) @NotNull Integer cell) {
	}

	/** {@code <resign/>} to the game's address ({@code game='g1'} when sent to the referee's). */
	@XmppPayload(namespace = NAMESPACE, element = "resign")
	record Resign(@JacksonXmlProperty(isAttribute = true) @Nullable String game) {
	}

	/** {@code <watch/>}: receive every event of a game as a spectator. */
	@XmppPayload(namespace = NAMESPACE, element = "watch")
	record Watch(@JacksonXmlProperty(isAttribute = true) @Nullable String game) {
	}

	/** {@code <unwatch/>}: stop watching. */
	@XmppPayload(namespace = NAMESPACE, element = "unwatch")
	record Unwatch(@JacksonXmlProperty(isAttribute = true) @Nullable String game) {
	}

	/**
	 * {@code <resume/>} in a message the referee sends from its domain to a game's address:
	 * whichever replica owns that address loads the game (see {@link GameLoader}).
	 */
	static final String RESUME = "resume";

	/**
	 * {@code <player jid='bob@localhost/web' joined='1765151234567'/>}: a waiting player (the full JID
	 * they joined from, when, in ms since the epoch), an item of the referee's own store.
	 */
	@XmppPayload(namespace = NAMESPACE, element = "player")
	record Player(@JacksonXmlProperty(isAttribute = true) @Nullable String jid,
			@JacksonXmlProperty(isAttribute = true) @Nullable Long joined) {
	}

	/** {@code <counter last='7'/>}: the last game number, an item of the referee's own store. */
	@XmppPayload(namespace = NAMESPACE, element = "counter")
	record Counter(@JacksonXmlProperty(isAttribute = true) long last) {
	}

	/**
	 * A game's state: the answer to start, move, resign and a query, and the event both players
	 * receive. A query carries only {@code id}.
	 *
	 * @param id the game's id
	 * @param x the bare JID playing X (moves first)
	 * @param o the bare JID playing O
	 * @param board nine characters row by row: {@code X}, {@code O} or {@code -}
	 * @param status {@code playing}, {@code x-won}, {@code o-won} or {@code draw}
	 * @param turn {@code x} or {@code o} while the game is playing
	 * @param winner the winner's bare JID after a win
	 * @param resigned {@code x} or {@code o} when a player resigned
	 * @param forfeited {@code x} or {@code o} when a player forfeited by going offline
	 * @param room the game's chat room (bare JID) while the referee keeps one
	 * @param jid the game's own address, where its requests go and its events come from
	 * @param xJid the full JID X plays from: only in the referee's stored items, never sent to players
	 * @param oJid the full JID O plays from, likewise
	 */
	@XmppPayload(namespace = NAMESPACE, element = "game")
	record GameState(@JacksonXmlProperty(isAttribute = true) @Nullable String id,
			@JacksonXmlProperty(isAttribute = true) @Nullable String x,
			@JacksonXmlProperty(isAttribute = true) @Nullable String o,
			@JacksonXmlProperty(isAttribute = true) @Nullable String board,
			@JacksonXmlProperty(isAttribute = true) @Nullable String status,
			@JacksonXmlProperty(isAttribute = true) @Nullable String turn,
			@JacksonXmlProperty(isAttribute = true) @Nullable String winner,
			@JacksonXmlProperty(isAttribute = true) @Nullable String resigned,
			@JacksonXmlProperty(isAttribute = true) @Nullable String forfeited,
			@JacksonXmlProperty(isAttribute = true) @Nullable String room,
			@JacksonXmlProperty(isAttribute = true) @Nullable String jid,
			@JacksonXmlProperty(localName = "x-jid", isAttribute = true) @Nullable String xJid,
			@JacksonXmlProperty(localName = "o-jid", isAttribute = true) @Nullable String oJid) {

		static GameState of(Game game) {
			TicTacToe position = game.position();
			String winner = switch (position.status()) {
				case X_WON -> game.x().toBareJID();
				case O_WON -> game.o().toBareJID();
				default -> null;
			};
			String status = switch (position.status()) {
				case IN_PROGRESS -> "playing";
				case X_WON -> "x-won";
				case O_WON -> "o-won";
				case DRAW -> "draw";
			};
			return new GameState(game.id(), game.x().toBareJID(), game.o().toBareJID(), position.board(), status,
					position.isOver() ? null : lower(position.toMove()), winner,
					(position.resigned() != null) ? lower(position.resigned()) : null,
					(position.forfeited() != null) ? lower(position.forfeited()) : null, null, null, null, null);
		}

		GameState withRoom(@Nullable String room) {
			return new GameState(this.id, this.x, this.o, this.board, this.status, this.turn, this.winner,
					this.resigned, this.forfeited, room, this.jid, this.xJid, this.oJid);
		}

		/** The state with the game's own address. */
		GameState withJid(@Nullable String jid) {
			return new GameState(this.id, this.x, this.o, this.board, this.status, this.turn, this.winner,
					this.resigned, this.forfeited, this.room, jid, this.xJid, this.oJid);
		}

		/** The state with the full JIDs the players play from, as the referee stores it. */
		GameState withClients(@Nullable String xJid, @Nullable String oJid) {
			return new GameState(this.id, this.x, this.o, this.board, this.status, this.turn, this.winner,
					this.resigned, this.forfeited, this.room, this.jid, xJid, oJid);
		}

		private static String lower(TicTacToe.Mark mark) {
			return mark.name().toLowerCase(java.util.Locale.ROOT);
		}

	}

}
