package dev.kindling.bench;

import java.io.IOException;

import dev.kindling.bench.LoadGenerator.ByteBuffer;

/**
 * Finds complete top-level stanzas in the bytes read so far, by tag depth (no XML parser); an
 * incomplete stanza stays in the buffer for the next read. Assumes, as the generator does
 * elsewhere, that {@code >} never appears unescaped inside an attribute value.
 */
final class StanzaSplitter {

	/** Receives one complete top-level element: {@code data[start, end)}. */
	interface Handler {

		void stanza(byte[] data, int start, int end) throws IOException;

	}

	private int depth;

	private int scanned;

	private int stanzaStart;

	void split(ByteBuffer input, Handler handler) throws IOException {
		byte[] data = input.data;
		int length = input.length;
		int pos = this.scanned;
		while (pos < length) {
			if (data[pos] != '<') {
				pos++;
				continue;
			}
			int end = StanzaScanner.indexOf(data, (byte) '>', pos + 1, length);
			if (end < 0) {
				break;
			}
			byte next = (pos + 1 < length) ? data[pos + 1] : 0;
			if (next == '/') {
				if (--this.depth < 0) {
					throw new IOException("The component ended its stream");
				}
				if (this.depth == 0) {
					handler.stanza(data, this.stanzaStart, end + 1);
				}
			}
			else if (next != '?' && next != '!') {
				if (this.depth == 0) {
					this.stanzaStart = pos;
				}
				if (data[end - 1] != '/') {
					this.depth++;
				}
				else if (this.depth == 0) {
					handler.stanza(data, pos, end + 1);
				}
			}
			pos = end + 1;
		}
		int keep = (this.depth > 0) ? this.stanzaStart : pos;
		input.consumeThrough(keep);
		this.scanned = pos - keep;
		this.stanzaStart = 0;
	}

}
