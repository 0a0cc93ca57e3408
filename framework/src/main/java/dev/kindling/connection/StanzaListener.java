package dev.kindling.connection;

import java.time.Duration;

import org.xmpp.packet.Packet;

/**
 * Receives every stanza the server sends, on the stream's reader thread. Implementations must
 * hand the work off and return quickly.
 */
public interface StanzaListener {

	void onStanza(Packet stanza);

	/**
	 * Start (again) taking stanzas; called by every start of the connection, before its first
	 * stanza, so a listener drained by a stop works again after a restart.
	 */
	default void open() {
	}

	/**
	 * Stop taking new stanzas and wait up to {@code timeout} for the accepted ones to finish;
	 * called by every graceful stop, before the stream is closed.
	 */
	default void drain(Duration timeout) {
	}

}
