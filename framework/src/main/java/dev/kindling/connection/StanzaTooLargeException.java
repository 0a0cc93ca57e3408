package dev.kindling.connection;

import java.io.IOException;

/**
 * An inbound stanza grew past the configured limit; the stream is reset rather than buffered.
 */
class StanzaTooLargeException extends IOException {

	StanzaTooLargeException(int limit) {
		super("Inbound stanza larger than " + limit + " bytes");
	}

}
