package dev.kindling.samples.tictactoe;

import org.jspecify.annotations.Nullable;
import org.xmpp.packet.JID;

/**
 * A game the referee keeps: its players (the full JIDs they played from, so events reach that
 * client) and its position.
 */
record Game(String id, JID x, JID o, TicTacToe position) {

	/** The player's mark, comparing bare JIDs, or {@code null} for someone not in this game. */
	TicTacToe.@Nullable Mark markOf(JID player) {
		String bare = player.toBareJID();
		if (bare.equals(this.x.toBareJID())) {
			return TicTacToe.Mark.X;
		}
		return bare.equals(this.o.toBareJID()) ? TicTacToe.Mark.O : null;
	}

	Game with(TicTacToe next) {
		return new Game(this.id, this.x, this.o, next);
	}

	String title() {
		return this.x.toBareJID() + " vs " + this.o.toBareJID();
	}

}
