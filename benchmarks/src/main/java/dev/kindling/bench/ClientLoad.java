package dev.kindling.bench;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.HdrHistogram.Histogram;

/**
 * XMPP clients on loopback (c2s, RFC 6120) that send chat messages through the server to a
 * component and count its answers: a lean client of its own, so that the load costs little CPU
 * beside the server and the components on the same cores. Each client logs in with SASL PLAIN (no
 * TLS: loopback only) and binds a resource; after that one thread drives every connection with a
 * selector: it writes each client's messages in one write, scans the replies as bytes for
 * top-level start tags and their {@code id} (no XML parser), and refills.
 *
 * <p>Every message's id is a sequence number, so each answer is counted once, a second one is a
 * duplicate, an answer older than the newest one its client already had is a reordering (each
 * client is one sender, one bare JID), and what is never answered is lost. For failure
 * scenarios each client's longest stretch without an answer is kept ({@link ClientLoadResult#gaps()}).
 */
final class ClientLoad implements Closeable {

	private static final int RING = 1 << 21;

	private static final int MASK = RING - 1;

	private static final byte OUTSTANDING = 1;

	private static final byte ANSWERED = 2;

	private static final byte LOST = 3;

	/** Stretches without an answer longer than this are all kept ({@link ClientLoadResult#longGaps()}). */
	static final long LONG_GAP_NANOS = 200_000_000L;

	private static final byte[] MESSAGE_START = "<message type='chat' id='".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] MESSAGE_TO = "' to='".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] MESSAGE_BODY = "'><body>".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] MESSAGE_END = "</body></message>".getBytes(StandardCharsets.US_ASCII);

	private final List<Client> clients;

	private final Selector selector;

	private final long[] ringSeq = new long[RING];

	private final long[] sendNanos = new long[RING];

	private final int[] ringClient = new int[RING];

	private final byte[] state = new byte[RING];

	private long nextSeq = 1;

	private long oldest = 1;

	/** {@link System#nanoTime()} of the failure in this run, set by another thread; 0 for none yet. */
	private volatile long eventNanos;

	// Per run
	private ClientLoadSpec spec;

	private long runFirstSeq;

	private Histogram histogram;

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

	private ClientLoad(List<Client> clients, Selector selector) {
		this.clients = clients;
		this.selector = selector;
	}

	/**
	 * Connects and logs in every user (password the same for all), a few at a time; user i to the
	 * port i modulo the number of ports (the client ports of a cluster's nodes).
	 * @throws IOException when a login fails or does not finish within the timeout
	 */
	static ClientLoad connect(String host, List<Integer> ports, String domain, List<String> users, String password,
			Duration timeout) throws IOException {
		List<Client> clients = new ArrayList<>();
		for (int i = 0; i < users.size(); i++) {
			clients.add(new Client(i, users.get(i), domain));
		}
		ExecutorService logins = Executors.newFixedThreadPool(8);
		try {
			List<Future<?>> done = new ArrayList<>();
			for (Client client : clients) {
				done.add(logins.submit(() -> {
					client.login(host, ports.get(client.index % ports.size()), password);
					return null;
				}));
			}
			long deadline = System.nanoTime() + timeout.toNanos();
			for (Future<?> future : done) {
				future.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
			}
			Selector selector = Selector.open();
			for (Client client : clients) {
				client.channel.configureBlocking(false);
				client.channel.register(selector, SelectionKey.OP_READ, client);
			}
			return new ClientLoad(clients, selector);
		}
		catch (Exception ex) {
			for (Client client : clients) {
				client.close();
			}
			if (ex instanceof InterruptedException) {
				Thread.currentThread().interrupt();
			}
			Throwable cause = (ex instanceof java.util.concurrent.ExecutionException) ? ex.getCause() : ex;
			throw new IOException("Client login failed" + ((ex instanceof TimeoutException) ? " (timeout " + timeout + ")" : "")
					+ ": " + cause, cause);
		}
		finally {
			logins.shutdownNow();
		}
	}

	int size() {
		return this.clients.size();
	}

	/**
	 * Marks the failure of the running load (called from another thread): from then on each
	 * client's gap is its longest stretch without an answer that ends after this moment, so that
	 * stalls before it (another JVM starting) are not taken for the failure's gap.
	 * @return the moment marked
	 */
	long markEvent() {
		long now = System.nanoTime();
		this.eventNanos = now;
		return now;
	}

	/** Run one load; returns when it is over, answers drained or counted lost. */
	ClientLoadResult run(ClientLoadSpec spec) throws IOException {
		if (spec.clients() > this.clients.size()) {
			throw new IllegalArgumentException(spec.clients() + " clients asked for, " + this.clients.size() + " connected");
		}
		startRun(spec);
		this.eventNanos = 0;
		long start = System.nanoTime();
		long measureStart = start + spec.warmup().toNanos();
		this.measureEnd = measureStart + spec.measure().toNanos();
		long drainDeadline = this.measureEnd + spec.drain().toNanos();
		long lossTimeout = spec.lossTimeout().toNanos();
		for (int i = 0; i < spec.clients(); i++) {
			this.clients.get(i).startRun(start);
		}
		long rateSent = 0;
		int nextClient = 0;
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
				if (this.sent == this.answered + this.errors + this.lost) {
					break;
				}
				if (now - drainDeadline > 0) {
					expire(Long.MAX_VALUE, 0);
					break;
				}
			}
			if (spec.fixedRate()) {
				if (sending) {
					long due = (long) ((now - start) * spec.rate() / 1e9) - rateSent;
					for (; due > 0; due--, rateSent++) {
						Client client = this.clients.get(nextClient);
						nextClient = (nextClient + 1) % spec.clients();
						append(client, now);
					}
				}
			}
			else {
				expire(now, lossTimeout);
				if (sending) {
					for (int i = 0; i < spec.clients(); i++) {
						Client client = this.clients.get(i);
						while (client.outstanding < spec.window()) {
							append(client, now);
						}
					}
				}
			}
			for (int i = 0; i < spec.clients(); i++) {
				this.clients.get(i).flush();
			}
			if (this.selector.select(1) > 0) {
				long read = System.nanoTime();
				for (SelectionKey key : this.selector.selectedKeys()) {
					Client client = (Client) key.attachment();
					if (client.read() < 0) {
						throw new IOException("The server closed the stream of " + client.jid);
					}
					scan(client, read);
				}
				this.selector.selectedKeys().clear();
			}
		}
		long sendEnd = this.measureEnd;
		List<ClientLoadResult.Gap> gaps = new ArrayList<>();
		List<ClientLoadResult.Gap> longGaps = new ArrayList<>();
		for (int i = 0; i < spec.clients(); i++) {
			gaps.add(this.clients.get(i).gap(sendEnd, this.eventNanos));
			longGaps.addAll(this.clients.get(i).longGaps(sendEnd));
		}
		double seconds = spec.measure().toNanos() / 1e9;
		Histogram h = this.histogram;
		return new ClientLoadResult(this.sent, this.answered, this.errors, this.lost, this.duplicates, this.late,
				this.reorderings, this.unknown, this.measuredAnswers / seconds, micros(h.getValueAtPercentile(50)),
				micros(h.getValueAtPercentile(99)), micros(h.getMaxValue()), gaps, longGaps);
	}

	private static long micros(long nanos) {
		return TimeUnit.NANOSECONDS.toMicros(nanos);
	}

	private void startRun(ClientLoadSpec spec) {
		this.spec = spec;
		this.runFirstSeq = this.nextSeq;
		this.oldest = this.nextSeq;
		this.histogram = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
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
		byte[] to = spec.to().getBytes(StandardCharsets.UTF_8);
		for (Client client : this.clients) {
			client.to = to;
			client.outstanding = 0;
		}
	}

	private void append(Client client, long now) {
		long seq = this.nextSeq++;
		if (seq - this.oldest >= RING) {
			// Only with a loss timeout longer than the ring lasts; keep the ring consistent if so.
			expireOldest();
		}
		int slot = (int) (seq & MASK);
		this.ringSeq[slot] = seq;
		this.state[slot] = OUTSTANDING;
		this.sendNanos[slot] = now;
		this.ringClient[slot] = client.index;
		client.outstanding++;
		this.sent++;
		Growable out = client.output;
		out.append(MESSAGE_START);
		out.appendDecimal(seq);
		out.append(MESSAGE_TO);
		out.append(client.to);
		out.append(MESSAGE_BODY);
		out.appendDecimal(seq);
		out.append(MESSAGE_END);
	}

	/** Count messages older than the timeout as lost (all outstanding ones for now = MAX). */
	private void expire(long now, long timeout) {
		while (this.oldest < this.nextSeq) {
			int slot = (int) (this.oldest & MASK);
			if (this.ringSeq[slot] == this.oldest && this.state[slot] == OUTSTANDING) {
				if (now != Long.MAX_VALUE && now - this.sendNanos[slot] <= timeout) {
					return;
				}
				markLost(slot);
			}
			this.oldest++;
		}
	}

	private void expireOldest() {
		int slot = (int) (this.oldest & MASK);
		if (this.ringSeq[slot] == this.oldest && this.state[slot] == OUTSTANDING) {
			markLost(slot);
		}
		this.oldest++;
	}

	private void markLost(int slot) {
		this.state[slot] = LOST;
		this.lost++;
		this.clients.get(this.ringClient[slot]).outstanding--;
	}

	private void scan(Client client, long now) throws IOException {
		Growable input = client.input;
		byte[] data = input.data;
		int length = input.length;
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
				if (--client.depth < 0) {
					throw new IOException("The server ended the stream of " + client.jid + ": "
							+ new String(data, 0, length, StandardCharsets.UTF_8));
				}
			}
			else if (next != '?' && next != '!') {
				if (client.depth == 0) {
					topLevel(client, data, pos, end, now);
				}
				if (data[end - 1] != '/') {
					client.depth++;
				}
			}
			pos = end + 1;
		}
		input.consumeThrough(pos);
	}

	private void topLevel(Client client, byte[] data, int start, int end, long now) throws IOException {
		long id = StanzaScanner.decimalAttribute(data, start, end, StanzaScanner.ID);
		if (id > 0) {
			answer(id, StanzaScanner.isError(data, start, end), now);
			return;
		}
		String name = new String(data, start + 1, Math.min(3, end - start - 1), StandardCharsets.US_ASCII);
		if ("iq ".equals(name) && "get".equals(StanzaScanner.stringAttribute(data, start, end, StanzaScanner.TYPE))) {
			// A server's ping to the client: answer it, or the server would drop the client.
			String iqId = StanzaScanner.stringAttribute(data, start, end, StanzaScanner.ID);
			String from = StanzaScanner.stringAttribute(data, start, end, StanzaScanner.FROM);
			client.output.append(("<iq type='result' id='" + iqId + "'" + ((from != null) ? " to='" + from + "'" : "") + "/>")
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
		Client client = this.clients.get(this.ringClient[slot]);
		client.outstanding--;
		if (error) {
			this.errors++;
		}
		else {
			this.answered++;
			client.answeredAt(now, this.eventNanos);
		}
		if (this.measuring && now - this.measureEnd < 0) {
			this.histogram.recordValue(Math.min(now - this.sendNanos[slot], TimeUnit.SECONDS.toNanos(60)));
			this.measuredAnswers++;
		}
		if (seq < client.lastSeq) {
			this.reorderings++;
		}
		else {
			client.lastSeq = seq;
		}
	}

	@Override
	public void close() throws IOException {
		for (Client client : this.clients) {
			client.close();
		}
		this.selector.close();
	}

	/** One logged-in client connection: one bare JID, one sender. */
	private static final class Client {

		final int index;

		final String user;

		final String domain;

		final Growable input = new Growable(1 << 16);

		final Growable output = new Growable(1 << 14);

		SocketChannel channel;

		String jid;

		byte[] to;

		int depth;

		int outstanding;

		long lastSeq;

		// The longest gap between answers in the current run
		long lastAnswerNanos;

		long gapStartNanos;

		long gapEndNanos;

		/** Every stretch without an answer longer than {@link #LONG_GAP_NANOS} in the current run. */
		final List<ClientLoadResult.Gap> longGaps = new ArrayList<>();

		// The longest gap ending after the event
		long eventGapStartNanos;

		long eventGapEndNanos;

		Client(int index, String user, String domain) {
			this.index = index;
			this.user = user;
			this.domain = domain;
			this.jid = user + "@" + domain;
		}

		void startRun(long startNanos) {
			this.lastAnswerNanos = startNanos;
			this.gapStartNanos = startNanos;
			this.gapEndNanos = startNanos;
			this.eventGapStartNanos = 0;
			this.eventGapEndNanos = 0;
			this.longGaps.clear();
		}

		/** The long gaps of the run, the one still open at the end of sending included. */
		List<ClientLoadResult.Gap> longGaps(long sendEnd) {
			List<ClientLoadResult.Gap> all = new ArrayList<>(this.longGaps);
			if (sendEnd - this.lastAnswerNanos > LONG_GAP_NANOS) {
				all.add(new ClientLoadResult.Gap(this.index, this.lastAnswerNanos, sendEnd, false));
			}
			return all;
		}

		void answeredAt(long now, long event) {
			long gap = now - this.lastAnswerNanos;
			if (gap > LONG_GAP_NANOS) {
				this.longGaps.add(new ClientLoadResult.Gap(this.index, this.lastAnswerNanos, now, true));
			}
			if (gap > this.gapEndNanos - this.gapStartNanos) {
				this.gapStartNanos = this.lastAnswerNanos;
				this.gapEndNanos = now;
			}
			if (event != 0 && now - event >= 0 && gap > this.eventGapEndNanos - this.eventGapStartNanos) {
				this.eventGapStartNanos = this.lastAnswerNanos;
				this.eventGapEndNanos = now;
			}
			this.lastAnswerNanos = now;
		}

		/**
		 * The longest gap (ending after the event, if one was marked), the one still open at the end
		 * of sending included.
		 */
		ClientLoadResult.Gap gap(long sendEnd, long event) {
			long start = (event != 0) ? this.eventGapStartNanos : this.gapStartNanos;
			long end = (event != 0) ? this.eventGapEndNanos : this.gapEndNanos;
			if (sendEnd - this.lastAnswerNanos > end - start) {
				return new ClientLoadResult.Gap(this.index, this.lastAnswerNanos, sendEnd, false);
			}
			return new ClientLoadResult.Gap(this.index, start, end, true);
		}

		void login(String host, int port, String password) throws IOException {
			this.channel = SocketChannel.open();
			this.channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
			this.channel.setOption(StandardSocketOptions.SO_RCVBUF, 1 << 18);
			this.channel.setOption(StandardSocketOptions.SO_SNDBUF, 1 << 18);
			this.channel.connect(new InetSocketAddress(host, port));
			String header = "<?xml version='1.0'?><stream:stream to='" + this.domain
					+ "' xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams' version='1.0'>";
			write(header);
			String features = readUntil("</stream:features>");
			if (!features.contains("PLAIN")) {
				throw new IOException("The server offers no SASL PLAIN to " + this.jid + ": " + features);
			}
			String credentials = Base64.getEncoder()
				.encodeToString(("\0" + this.user + "\0" + password).getBytes(StandardCharsets.UTF_8));
			write("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>" + credentials + "</auth>");
			String outcome = readUntilAny("<success", "<failure");
			if (outcome.contains("<failure")) {
				throw new IOException("Authentication of " + this.jid + " failed: " + outcome + readUntil("</failure>"));
			}
			this.input.clear();
			// A new stream after SASL (RFC 6120 6.4.6); what the old one still sends is not needed.
			write(header);
			readUntil("</stream:features>");
			this.input.clear();
			write("<iq type='set' id='bind'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'><resource>load</resource></bind></iq>");
			String bound = readUntil("</iq>");
			if (!bound.contains("<jid>") || bound.contains("type='error'") || bound.contains("type=\"error\"")) {
				throw new IOException("Resource binding of " + this.jid + " failed: " + bound);
			}
			this.jid = bound.substring(bound.indexOf("<jid>") + 5, bound.indexOf("</jid>"));
			this.input.consumeThrough(bound.getBytes(StandardCharsets.UTF_8).length);
		}

		private void write(String text) throws IOException {
			ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
			while (bytes.hasRemaining()) {
				this.channel.write(bytes);
			}
		}

		/** Reads (blocking) until the text holds {@code marker}; returns the text through the marker. */
		private String readUntil(String marker) throws IOException {
			while (true) {
				String text = this.input.text();
				int at = text.indexOf(marker);
				if (at >= 0) {
					return text.substring(0, at + marker.length());
				}
				if (read() < 0) {
					throw new IOException("The server closed the stream of " + this.jid + " waiting for " + marker + ": " + text);
				}
			}
		}

		private String readUntilAny(String first, String second) throws IOException {
			while (true) {
				String text = this.input.text();
				if (text.contains(first) || text.contains(second)) {
					return text;
				}
				if (read() < 0) {
					throw new IOException("The server closed the stream of " + this.jid + ": " + text);
				}
			}
		}

		int read() throws IOException {
			Growable in = this.input;
			in.ensure(4096);
			int n = this.channel.read(ByteBuffer.wrap(in.data, in.length, in.data.length - in.length));
			if (n > 0) {
				in.length += n;
			}
			return n;
		}

		/** Writes what is pending, as much as the socket takes now; the rest waits for the next flush. */
		void flush() throws IOException {
			Growable out = this.output;
			if (out.length == 0) {
				return;
			}
			int written = this.channel.write(ByteBuffer.wrap(out.data, 0, out.length));
			out.consumeThrough(written);
		}

		void close() {
			try {
				if (this.channel != null) {
					this.channel.close();
				}
			}
			catch (IOException ex) {
				// Closing anyway.
			}
		}

	}

	/** A growable byte array that drops consumed bytes. */
	static final class Growable {

		byte[] data;

		int length;

		Growable(int capacity) {
			this.data = new byte[capacity];
		}

		void consumeThrough(int end) {
			System.arraycopy(this.data, end, this.data, 0, this.length - end);
			this.length -= end;
		}

		void clear() {
			this.length = 0;
		}

		String text() {
			return new String(this.data, 0, this.length, StandardCharsets.UTF_8);
		}

		void append(byte[] bytes) {
			ensure(bytes.length);
			System.arraycopy(bytes, 0, this.data, this.length, bytes.length);
			this.length += bytes.length;
		}

		void appendDecimal(long value) {
			ensure(20);
			if (value == 0) {
				this.data[this.length++] = '0';
				return;
			}
			int digits = 0;
			for (long v = value; v > 0; v /= 10) {
				digits++;
			}
			for (int i = this.length + digits - 1; i >= this.length; i--) {
				this.data[i] = (byte) ('0' + (value % 10));
				value /= 10;
			}
			this.length += digits;
		}

		void ensure(int more) {
			if (this.length + more > this.data.length) {
				byte[] bigger = new byte[Math.max(this.data.length * 2, this.length + more)];
				System.arraycopy(this.data, 0, bigger, 0, this.length);
				this.data = bigger;
			}
		}

	}

}
