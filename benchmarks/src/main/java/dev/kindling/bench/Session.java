package dev.kindling.bench;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;

import dev.kindling.bench.LoadGenerator.ByteBuffer;
import dev.kindling.bench.LoadGenerator.Workload;

/**
 * One accepted component connection, driven by a single thread: write the window full in one
 * write, read whatever arrived, scan the bytes for top-level start tags (no XML parser, no DOM),
 * take each answer's id, and refill the window with one write. Every stanza's id is its sequence
 * number, so each answer is counted once, duplicates and late answers are told apart, and the
 * sender (derived from the sequence number) gives the per-sender order check. Pings the component
 * sends to the server are answered.
 */
public final class Session implements Closeable {

	private static final int RING = 1 << 21;

	private static final int MASK = RING - 1;

	private static final byte OUTSTANDING = 1;

	private static final byte ANSWERED = 2;

	private static final byte LOST = 3;

	private final Socket socket;

	private final InputStream in;

	private final OutputStream out;

	private final ByteBuffer input;

	private final ByteBuffer output = new ByteBuffer(1 << 16);

	private final String serverDomain;

	private final long handshakeNanos;

	private final long[] ringSeq = new long[RING];

	private final long[] sendNanos = new long[RING];

	private final byte[] state = new byte[RING];

	private long nextSeq = 1;

	private int depth;

	// Per run
	private LoadSpec spec;

	private long runFirstSeq;

	private long[] lastSeqOfSender;

	private byte[][] senderFrom;

	private byte[] stanzaTo;

	private Histogram histogram;

	private long outstanding;

	private long oldest;

	private long sent;

	private long answered;

	private long errors;

	private long lost;

	private long duplicates;

	private long late;

	private long reorderings;

	private long unknown;

	private long measuredAnswers;

	private boolean measuring;

	private long measureEnd;

	Session(Socket socket, InputStream in, OutputStream out, ByteBuffer input, String serverDomain, long handshakeNanos)
			throws IOException {
		this.socket = socket;
		this.in = in;
		this.out = out;
		this.input = input;
		this.serverDomain = serverDomain;
		this.handshakeNanos = handshakeNanos;
		socket.setSoTimeout(20);
	}

	/** {@link System#nanoTime()} when the handshake was accepted. */
	public long handshakeNanos() {
		return this.handshakeNanos;
	}

	/** Run one load level; returns when it is over, answers drained or counted lost. */
	public LoadResult run(LoadSpec spec) throws IOException {
		startRun(spec);
		long start = System.nanoTime();
		long measureStart = start + spec.warmup().toNanos();
		this.measureEnd = measureStart + spec.measure().toNanos();
		long drainDeadline = this.measureEnd + spec.lossTimeout().toNanos();
		long lossTimeout = spec.lossTimeout().toNanos();
		refill(start);
		while (true) {
			long now = System.nanoTime();
			if (!this.measuring && now - measureStart >= 0 && now - this.measureEnd < 0) {
				this.measuring = true;
				this.histogram.reset();
				this.measuredAnswers = 0;
			}
			boolean sending = now - this.measureEnd < 0;
			if (!sending) {
				this.measuring = false;
				if (this.outstanding == 0) {
					break;
				}
				if (now - drainDeadline > 0) {
					expire(Long.MAX_VALUE, 0);
					break;
				}
			}
			expire(now, lossTimeout);
			if (sending) {
				refill(now);
			}
			int n = LoadGenerator.readSome(this.in, this.input);
			if (n < 0) {
				throw new IOException("The component closed the connection");
			}
			if (n > 0) {
				scan(System.nanoTime());
			}
		}
		double seconds = spec.measure().toNanos() / 1e9;
		Histogram h = this.histogram;
		return new LoadResult(spec.workload(), spec.window(), this.sent, this.answered, this.errors, this.lost,
				this.duplicates, this.late, this.reorderings, this.unknown, this.measuredAnswers / seconds,
				micros(h.getValueAtPercentile(50)), micros(h.getValueAtPercentile(99)),
				micros(h.getValueAtPercentile(99.9)), micros(h.getMaxValue()));
	}

	private static long micros(long nanos) {
		return TimeUnit.NANOSECONDS.toMicros(nanos);
	}

	private void startRun(LoadSpec spec) {
		this.spec = spec;
		this.runFirstSeq = this.nextSeq;
		this.oldest = this.nextSeq;
		this.lastSeqOfSender = new long[spec.senders()];
		this.senderFrom = new byte[spec.senders()][];
		for (int i = 0; i < spec.senders(); i++) {
			this.senderFrom[i] = ("\" from=\"u" + i + "@" + this.serverDomain + "/r" + i + "\" to=\"")
				.getBytes(StandardCharsets.US_ASCII);
		}
		this.stanzaTo = ((spec.workload() == Workload.CHAT) ? "echo@" + spec.componentDomain() : spec.componentDomain())
			.getBytes(StandardCharsets.US_ASCII);
		this.histogram = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
		this.outstanding = 0;
		this.sent = 0;
		this.answered = 0;
		this.errors = 0;
		this.lost = 0;
		this.duplicates = 0;
		this.late = 0;
		this.reorderings = 0;
		this.unknown = 0;
		this.measuredAnswers = 0;
		this.measuring = false;
	}

	private int senderOf(long seq) {
		return (int) (((seq - this.runFirstSeq) / this.spec.runLength()) % this.spec.senders());
	}

	private static final byte[] MESSAGE_START = "<message type=\"chat\" id=\"".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] MESSAGE_BODY = "\"><body>hello ".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] MESSAGE_END = "</body></message>".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] PING_START = "<iq type=\"get\" id=\"".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] PING_END = "\"><ping xmlns=\"urn:xmpp:ping\"/></iq>".getBytes(StandardCharsets.US_ASCII);

	private void refill(long now) throws IOException {
		ByteBuffer buffer = this.output;
		buffer.clear();
		boolean chat = this.spec.workload() == Workload.CHAT;
		while (this.outstanding < this.spec.window()) {
			long seq = this.nextSeq++;
			if (seq - this.oldest >= RING) {
				// Cannot happen at sane loss timeouts; keep the ring consistent if it does.
				expire(Long.MAX_VALUE, 0);
			}
			int slot = (int) (seq & MASK);
			this.ringSeq[slot] = seq;
			this.state[slot] = OUTSTANDING;
			this.sendNanos[slot] = now;
			this.outstanding++;
			this.sent++;
			buffer.append(chat ? MESSAGE_START : PING_START);
			buffer.appendDecimal(seq);
			buffer.append(this.senderFrom[senderOf(seq)]);
			buffer.append(this.stanzaTo);
			if (chat) {
				buffer.append(MESSAGE_BODY);
				buffer.appendDecimal(seq);
				buffer.append(MESSAGE_END);
			}
			else {
				buffer.append(PING_END);
			}
		}
		if (buffer.length > 0) {
			this.out.write(buffer.data, 0, buffer.length);
		}
	}

	/** Count stanzas older than the timeout as lost (all outstanding ones for a timeout of 0 and now = MAX). */
	private void expire(long now, long timeout) {
		while (this.oldest < this.nextSeq) {
			int slot = (int) (this.oldest & MASK);
			if (this.ringSeq[slot] == this.oldest && this.state[slot] == OUTSTANDING) {
				if (now != Long.MAX_VALUE && now - this.sendNanos[slot] <= timeout) {
					return;
				}
				this.state[slot] = LOST;
				this.lost++;
				this.outstanding--;
			}
			this.oldest++;
		}
	}

	private void scan(long now) throws IOException {
		byte[] data = this.input.data;
		int length = this.input.length;
		int pos = 0;
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
			}
			else if (next != '?' && next != '!') {
				if (this.depth == 0) {
					topLevel(data, pos, end, now);
				}
				if (data[end - 1] != '/') {
					this.depth++;
				}
			}
			pos = end + 1;
		}
		this.input.consumeThrough(pos);
	}

	private void topLevel(byte[] data, int start, int end, long now) throws IOException {
		long id = StanzaScanner.decimalAttribute(data, start, end, StanzaScanner.ID);
		if (id > 0) {
			answer(id, StanzaScanner.isError(data, start, end), now);
			return;
		}
		String name = new String(data, start + 1, Math.min(3, end - start - 1), StandardCharsets.US_ASCII);
		String type = StanzaScanner.stringAttribute(data, start, end, StanzaScanner.TYPE);
		if ("iq ".equals(name) && "get".equals(type)) {
			// The component's own liveness ping to the server: answer it, or it would rebuild the stream.
			String iqId = StanzaScanner.stringAttribute(data, start, end, StanzaScanner.ID);
			String from = StanzaScanner.stringAttribute(data, start, end, StanzaScanner.FROM);
			String to = StanzaScanner.stringAttribute(data, start, end, StanzaScanner.TO);
			this.out.write(("<iq type='result' id='" + iqId + "' from='" + to + "' to='" + from + "'/>")
				.getBytes(StandardCharsets.UTF_8));
			return;
		}
		this.unknown++;
	}

	private void answer(long seq, boolean error, long now) {
		int slot = (int) (seq & MASK);
		if (this.ringSeq[slot] != seq || seq < this.runFirstSeq) {
			this.late++;
			return;
		}
		byte s = this.state[slot];
		if (s == ANSWERED) {
			this.duplicates++;
			return;
		}
		if (s == LOST) {
			this.late++;
			return;
		}
		this.state[slot] = ANSWERED;
		this.outstanding--;
		this.answered++;
		if (error) {
			this.errors++;
		}
		if (this.measuring && now - this.measureEnd < 0) {
			this.histogram.recordValue(Math.min(now - this.sendNanos[slot], TimeUnit.SECONDS.toNanos(60)));
			this.measuredAnswers++;
		}
		int sender = senderOf(seq);
		if (seq < this.lastSeqOfSender[sender]) {
			this.reorderings++;
		}
		else {
			this.lastSeqOfSender[sender] = seq;
		}
	}

	/** Send bytes as they are, e.g. hostile input. */
	public void sendRaw(byte[] bytes) throws IOException {
		this.out.write(bytes);
		this.out.flush();
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}

}
