package dev.kindling.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the generator does, as the server, with stanzas that belong to no simulated player's flow:
 * an IQ request (a liveness ping; MUC or pubsub requests) gets an empty {@code result}; anything else
 * (presences, groupchat, invitations) is ignored. All are counted by kind, per level and in total.
 */
final class ServerSide {

	private static final byte[] XMLNS = " xmlns=".getBytes(StandardCharsets.US_ASCII);

	private final OutputStream out;

	private final Map<String, Long> level = new TreeMap<>();

	private final Map<String, Long> total = new TreeMap<>();

	private long iqsAnswered;

	ServerSide(OutputStream out) {
		this.out = out;
	}

	/** One top-level element {@code data[start, end)} whose start tag ends at {@code tagEnd}. */
	void handle(byte[] data, int start, int tagEnd, int end, boolean toPlayer) throws IOException {
		char kind = (char) data[start + 1];
		String type = StanzaScanner.stringAttribute(data, start, tagEnd, StanzaScanner.TYPE);
		if (kind == 'i' && ("get".equals(type) || "set".equals(type))) {
			String id = StanzaScanner.stringAttribute(data, start, tagEnd, StanzaScanner.ID);
			String from = StanzaScanner.stringAttribute(data, start, tagEnd, StanzaScanner.FROM);
			String to = StanzaScanner.stringAttribute(data, start, tagEnd, StanzaScanner.TO);
			this.out.write(("<iq type='result' id='" + id + "' from='" + to + "' to='" + from + "'/>")
				.getBytes(StandardCharsets.UTF_8));
			this.iqsAnswered++;
			int child = StanzaScanner.indexOf(data, (byte) '<', tagEnd, end);
			int childEnd = (child < 0) ? -1 : StanzaScanner.indexOf(data, (byte) '>', child, end);
			String namespace = (childEnd < 0) ? null : StanzaScanner.stringAttribute(data, child, childEnd, XMLNS);
			count("iq " + type + " " + namespace);
			return;
		}
		String name = (kind == 'i') ? "iq" : (kind == 'm') ? "message" : (kind == 'p') ? "presence" : "element";
		count(name + ((type != null) ? " " + type : "") + (toPlayer ? " to a player" : ""));
	}

	private void count(String what) {
		this.level.merge(what, 1L, Long::sum);
		this.total.merge(what, 1L, Long::sum);
	}

	/** Starts a new level's counts. */
	void reset() {
		this.level.clear();
		this.iqsAnswered = 0;
	}

	long iqsAnswered() {
		return this.iqsAnswered;
	}

	Map<String, Long> level() {
		return Map.copyOf(this.level);
	}

	Map<String, Long> total() {
		return Map.copyOf(this.total);
	}

}
