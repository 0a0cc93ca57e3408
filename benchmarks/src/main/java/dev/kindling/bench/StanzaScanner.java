package dev.kindling.bench;

import java.nio.charset.StandardCharsets;

/**
 * Byte-level reading of a start tag's attributes, for the generator's reply scan: no XML parser
 * and no strings unless asked for. Attribute values may be quoted with {@code "} or {@code '}.
 */
final class StanzaScanner {

	static final byte[] ID = " id=".getBytes(StandardCharsets.US_ASCII);

	static final byte[] TYPE = " type=".getBytes(StandardCharsets.US_ASCII);

	static final byte[] FROM = " from=".getBytes(StandardCharsets.US_ASCII);

	static final byte[] TO = " to=".getBytes(StandardCharsets.US_ASCII);

	private StanzaScanner() {
	}

	static boolean isError(byte[] data, int start, int end) {
		int at = find(data, start, end, TYPE);
		return at >= 0 && at + 6 < end && data[at + 1] == 'e' && data[at + 2] == 'r' && data[at + 3] == 'r';
	}

	/** Position of the attribute value's opening quote, or -1. */
	static int find(byte[] data, int start, int end, byte[] attribute) {
		outer: for (int i = start; i <= end - attribute.length - 1; i++) {
			for (int j = 0; j < attribute.length; j++) {
				if (data[i + j] != attribute[j]) {
					continue outer;
				}
			}
			int quote = i + attribute.length;
			return (data[quote] == '"' || data[quote] == '\'') ? quote : -1;
		}
		return -1;
	}

	static long decimalAttribute(byte[] data, int start, int end, byte[] attribute) {
		int quote = find(data, start, end, attribute);
		if (quote < 0) {
			return -1;
		}
		long value = 0;
		int i = quote + 1;
		for (; i < end && data[i] != data[quote]; i++) {
			int digit = data[i] - '0';
			if (digit < 0 || digit > 9) {
				return -1;
			}
			value = value * 10 + digit;
		}
		return (i == quote + 1) ? -1 : value;
	}

	static String stringAttribute(byte[] data, int start, int end, byte[] attribute) {
		int quote = find(data, start, end, attribute);
		if (quote < 0) {
			return null;
		}
		int close = indexOf(data, data[quote], quote + 1, end);
		return (close < 0) ? null : new String(data, quote + 1, close - quote - 1, StandardCharsets.UTF_8);
	}

	static int indexOf(byte[] data, byte b, int from, int to) {
		for (int i = from; i < to; i++) {
			if (data[i] == b) {
				return i;
			}
		}
		return -1;
	}

	/** Position of {@code needle} in {@code data[from, to)}, or -1. */
	static int indexOf(byte[] data, byte[] needle, int from, int to) {
		outer: for (int i = from; i <= to - needle.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (data[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

}
