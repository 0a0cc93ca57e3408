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
	 * Stop taking new stanzas and wait up to {@code timeout} for the accepted ones to finish;
	 * called once by a graceful stop, before the stream is closed.
	 */
	default void drain(Duration timeout) {
	}

}
