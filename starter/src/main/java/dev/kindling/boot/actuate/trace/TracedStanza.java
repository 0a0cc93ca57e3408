package dev.kindling.boot.actuate.trace;

/**
 * One stanza in the trace.
 *
 * @param sequence position in the trace since start, counting from 1
 * @param timestamp when it was received or written, ISO-8601
 * @param direction whether it came in from the server or went out to it
 * @param kind {@code message}, {@code iq} or {@code presence}
 * @param xml the stanza as on the wire, bodies masked if asked
 */
public record TracedStanza(long sequence, String timestamp, Direction direction, String kind, String xml) {

	/** Which way the stanza went. */
	public enum Direction {

		/** Received from the server. */
		IN,

		/** Written to the server. */
		OUT

	}

}
