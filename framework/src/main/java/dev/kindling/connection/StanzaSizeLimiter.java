package dev.kindling.connection;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes read since the last stanza began and fails the read once they pass the limit,
 * so a hostile or broken peer cannot make the reader buffer an unbounded element.
 */
final class StanzaSizeLimiter extends FilterInputStream {

	private final int limit;

	private long count;

	StanzaSizeLimiter(InputStream in, int limit) {
		super(in);
		this.limit = limit;
	}

	/** Called by the reader before each stanza. */
	void startStanza() {
		this.count = 0;
	}

	@Override
	public int read() throws IOException {
		int b = super.read();
		if (b >= 0) {
			count(1);
		}
		return b;
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		int n = super.read(buffer, offset, length);
		if (n > 0) {
			count(n);
		}
		return n;
	}

	private void count(int n) throws StanzaTooLargeException {
		this.count += n;
		if (this.count > this.limit) {
			throw new StanzaTooLargeException(this.limit);
		}
	}

}
