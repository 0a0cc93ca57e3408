package dev.kindling.connection;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.dom4j.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xmlpull.v1.XmlPullParser;
import org.xmlpull.v1.XmlPullParserException;
import org.xmpp.packet.IQ;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;
import org.xmpp.packet.Presence;
import org.xmpp.packet.StreamError;

import dev.kindling.DaemonThreads;
import dev.kindling.connection.ComponentConnectException.Reason;
import dev.kindling.observe.DropReason;
import dev.kindling.observe.StanzaObserver;

/**
 * One authenticated XEP-0114 stream: the socket, a reader thread that turns elements into Tinder
 * packets for the {@link StanzaListener}, and a writer thread that drains the
 * {@link OutboundQueue} in batches with one flush per batch.
 *
 * <p>Replaces Whack's {@code ExternalComponent}: Whack parses with dom4j's {@code XPPPacketReader}
 * (here {@link StanzaReader}, on the same pull parser) and writes with its {@code XMLWriter} (here
 * {@link StanzaWriter}), but hands every stanza to an unbounded 25-thread pool (losing order),
 * writes on the caller's thread (blocking it for a whole outage), misses a clean
 * {@code </stream:stream>} and reconnects on its own. Here the stream only reports its loss, once;
 * {@link ComponentConnection} decides what happens next.
 */
final class ComponentStream implements ComponentTransport.Wire {

	private static final Logger logger = LoggerFactory.getLogger(ComponentStream.class);

	private static final String STREAMS_NS = "http://etherx.jabber.org/streams";

	private static final int WRITE_BATCH = 256;

	/** Text of a batch handed to the socket's writer before the batch ends, so a batch of large stanzas stays small. */
	private static final int WRITE_CHUNK = 16 * 1024;

	private static final Duration WRITER_POLL = Duration.ofMillis(250);

	/** How long a close waits for the server's end of the stream after sending ours. */
	private static final Duration SERVER_END_WAIT = Duration.ofSeconds(1);

	/** What a close keeps of its timeout for the server's end, after waiting for its ping's answer. */
	private static final Duration BARRIER_MARGIN = Duration.ofSeconds(1);

	private static final String BARRIER_ID = "kindling-end";

	private static final String HOLD_ID = "kindling-hold";

	/** Kindling's hand-over protocol, served by its Prosody module {@code mod_kindling_handover}. */
	static final String HOLD_NAMESPACE = "urn:kindling:handover:0";

	private static final int HOLD_NONE = 0;

	private static final int HOLD_ASKED = 1;

	/** The server holds the domain's stanzas for the next session: nothing more comes here. */
	private static final int HOLD_GRANTED = 2;

	/** The server cannot hold (an error, or our own request came back to us): the ping barrier it is. */
	private static final int HOLD_REFUSED = 3;

	private final ComponentEndpoint endpoint;

	private final Socket socket;

	private final StanzaSizeLimiter input;

	private final StanzaReader reader;

	private final Writer out;

	private final StanzaWriter stanzaWriter = new StanzaWriter();

	private final StringBuilder text = new StringBuilder(WRITE_CHUNK + 1024);

	private final char[] chunk = new char[WRITE_CHUNK + 1024];

	private final ReentrantLock writeLock = new ReentrantLock();

	private final String streamId;

	private final AtomicBoolean closed = new AtomicBoolean();

	private final AtomicBoolean lossReported = new AtomicBoolean();

	/** Set by {@link #close}: the writer writes what is queued, then the stream's end. */
	private final AtomicBoolean finishing = new AtomicBoolean();

	/** Counted down by the writer once our end is written (or could not be). */
	private final CountDownLatch endWritten = new CountDownLatch(1);

	/** Counted down by the reader once the server's end has arrived (or the stream broke). */
	private final CountDownLatch serverEnded = new CountDownLatch(1);

	/** Stanzas the server delivered after our end was written: too late to answer on this stream. */
	private final AtomicInteger late = new AtomicInteger();

	private volatile boolean endSent;

	/** Whether {@link #hold(Duration)} asks the server at all (one active session per domain). */
	private final boolean holdWanted;

	/** The hand-over hold: {@code HOLD_NONE}, {@code _ASKED}, {@code _GRANTED} or {@code _REFUSED}. */
	private volatile int hold = HOLD_NONE;

	private volatile long holdAskedAt;

	/** Counted down once the server answered the hold request (or it could not be sent). */
	private final CountDownLatch holdDecided = new CountDownLatch(1);

	/**
	 * Set once the reader must look at what it reads for the close (the hold was asked or the
	 * close's ping sent): the one volatile read the hot path pays.
	 */
	private volatile boolean watching;

	/** The close's last ping was sent; its answer, read by the reader, releases the end. */
	// Where the close's ping goes and comes back from; null: to the server, which answers it.
	private volatile @Nullable String barrierAddress;

	private volatile boolean barrierSent;

	private volatile boolean barrierPassed;

	/** When the close's ping was sent and answered (System.nanoTime), for the log. */
	private volatile long barrierSentAt;

	private volatile long barrierPassedAt;

	/** Until when the writer waits for the answer to the close's ping (System.nanoTime). */
	private volatile long barrierDeadline;

	private volatile @Nullable Thread writer;

	private ComponentStream(ComponentEndpoint endpoint, Socket socket, StanzaSizeLimiter input,
			StanzaReader reader, Writer out, String streamId, boolean holdWanted) {
		this.endpoint = endpoint;
		this.holdWanted = holdWanted;
		this.socket = socket;
		this.input = input;
		this.reader = reader;
		this.out = out;
		this.streamId = streamId;
	}

	/**
	 * Connect and authenticate. Returns a stream whose threads are not started yet.
	 * @throws ComponentConnectException with the reason the server gave, or {@code NETWORK}
	 */
	static ComponentStream open(ComponentEndpoint endpoint, ConnectionSettings settings) {
		Socket socket = new Socket();
		try {
			int timeout = (int) settings.connectTimeout().toMillis();
			socket.connect(new InetSocketAddress(endpoint.host(), endpoint.port()), timeout);
			socket.setTcpNoDelay(true);
			socket.setKeepAlive(true);
			socket.setSoTimeout(timeout);
			StanzaSizeLimiter input = new StanzaSizeLimiter(socket.getInputStream(), settings.maxStanzaSize());
			Writer out = new BufferedWriter(new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8),
					16 * 1024);
			out.write("<stream:stream xmlns='jabber:component:accept' xmlns:stream='" + STREAMS_NS + "' to='"
					+ escapeAttribute(endpoint.domain()) + "'>");
			out.flush();

			StanzaReader reader = new StanzaReader(new InputStreamReader(input, StandardCharsets.UTF_8));
			String streamId = readStreamHeader(reader.parser(), endpoint);
			if (streamId.isEmpty()) {
				// Prosody opens with id='' and then refuses, e.g. with host-unknown for a domain it lacks.
				input.startStanza();
				checkHandshakeAnswer(reader.next(), endpoint);
				throw new ComponentConnectException(Reason.PROTOCOL, "The server's stream header carries no id");
			}

			out.write("<handshake>" + handshakeDigest(streamId, endpoint.secret()) + "</handshake>");
			out.flush();
			input.startStanza();
			Element answer = reader.next();
			checkHandshakeAnswer(answer, endpoint);
			socket.setSoTimeout(0);
			return new ComponentStream(endpoint, socket, input, reader, out, streamId, settings.handOverHold());
		}
		catch (ComponentConnectException ex) {
			closeQuietly(socket);
			throw ex;
		}
		catch (IOException | XmlPullParserException | RuntimeException ex) {
			closeQuietly(socket);
			throw new ComponentConnectException(Reason.NETWORK, "Cannot open a component stream to "
					+ endpoint.host() + ":" + endpoint.port() + ": " + describe(ex), ex);
		}
	}

	private static String readStreamHeader(XmlPullParser parser, ComponentEndpoint endpoint)
			throws XmlPullParserException, IOException {
		int event = parser.getEventType();
		while (event != XmlPullParser.START_TAG) {
			if (event == XmlPullParser.END_DOCUMENT) {
				throw new ComponentConnectException(Reason.NETWORK, "The server closed the connection before its stream header");
			}
			event = parser.next();
		}
		if (!"stream".equals(parser.getName()) || !STREAMS_NS.equals(parser.getNamespace())) {
			throw new ComponentConnectException(Reason.PROTOCOL,
					"Expected a stream header from " + endpoint.host() + ":" + endpoint.port() + " but got <" + parser.getName() + ">");
		}
		String id = parser.getAttributeValue("", "id");
		return (id != null) ? id : "";
	}

	private static void checkHandshakeAnswer(@Nullable Element answer, ComponentEndpoint endpoint) {
		if (answer == null) {
			throw new ComponentConnectException(Reason.NETWORK, "The server closed the stream during the handshake");
		}
		if ("handshake".equals(answer.getName())) {
			return;
		}
		if ("error".equals(answer.getName())) {
			throw streamErrorException(new StreamError(answer), endpoint);
		}
		throw new ComponentConnectException(Reason.PROTOCOL, "Unexpected answer to the handshake: <" + answer.getName() + ">");
	}

	static ComponentConnectException streamErrorException(StreamError error, ComponentEndpoint endpoint) {
		StreamError.Condition condition = error.getCondition();
		String text = (error.getText() != null) ? " (" + error.getText() + ")" : "";
		if (condition == StreamError.Condition.not_authorized) {
			return new ComponentConnectException(Reason.NOT_AUTHORIZED, "The server refused the secret for component '"
					+ endpoint.domain() + "' (not-authorized)" + text + ": check xmpp.component.secret");
		}
		if (condition == StreamError.Condition.host_unknown) {
			return new ComponentConnectException(Reason.NOT_AUTHORIZED, "The server does not know component '"
					+ endpoint.domain() + "' (host-unknown)" + text + ": check xmpp.component.domain and the server's component configuration");
		}
		if (condition == StreamError.Condition.conflict) {
			return new ComponentConnectException(Reason.CONFLICT, "Another session already holds component '"
					+ endpoint.domain() + "' (conflict)" + text + ": is a second instance running?");
		}
		return new ComponentConnectException(Reason.PROTOCOL, "The server ended the stream: "
				+ ((condition != null) ? condition.toXMPP() : "stream error") + text);
	}

	static String handshakeDigest(String streamId, String secret) {
		try {
			MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
			return HexFormat.of().formatHex(sha1.digest((streamId + secret).getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-1 is not available", ex);
		}
	}

	/**
	 * Start the reader and writer threads.
	 * @param listener receives each inbound stanza on the reader thread
	 * @param outbound the queue the writer drains
	 * @param observer told of every stanza read and written
	 * @param onLoss told once, from whichever thread noticed, when the stream breaks
	 */
	@Override
	public void start(StanzaListener listener, OutboundQueue outbound, StanzaObserver observer,
			Consumer<Throwable> onLoss) {
		String name = this.endpoint.domain();
		DaemonThreads.start("kindling-reader-" + name, () -> readLoop(listener, observer, onLoss));
		this.writer = DaemonThreads.start("kindling-writer-" + name, () -> writeLoop(outbound, observer, onLoss));
	}

	@Override
	public String streamId() {
		return this.streamId;
	}

	private void readLoop(StanzaListener listener, StanzaObserver observer, Consumer<Throwable> onLoss) {
		try {
			while (!this.closed.get()) {
				this.input.startStanza();
				Element element = this.reader.next();
				if (element == null) {
					if (this.finishing.get()) {
						break;
					}
					throw new ComponentConnectException(Reason.NETWORK, "The server closed the stream");
				}
				Packet stanza = toPacket(element);
				try {
					observer.received(stanza);
					if (this.watching && isClosing(stanza, observer)) {
						continue;
					}
					listener.onStanza(stanza);
				}
				catch (RuntimeException ex) {
					logger.error("Stanza listener failed; the stream stays up", ex);
				}
			}
		}
		catch (Throwable ex) {
			if (!this.finishing.get()) {
				reportLoss(ex, onLoss);
			}
		}
		finally {
			this.serverEnded.countDown();
		}
	}

	/**
	 * While closing: take the answer to the close's ping (it releases the end), and drop what
	 * arrives after it, which the ending stream can no longer answer. Returns whether the stanza was
	 * taken here.
	 */
	private boolean isClosing(Packet stanza, StanzaObserver observer) {
		if (stanza instanceof IQ iq && HOLD_ID.equals(iq.getID()) && this.hold == HOLD_ASKED) {
			holdAnswered(iq);
			return true;
		}
		if (stanza instanceof IQ iq && (iq.isResponse() || isOwnBarrier(iq))) {
			if (BARRIER_ID.equals(iq.getID()) && !this.barrierPassed) {
				this.barrierPassedAt = System.nanoTime();
				this.barrierPassed = true;
				Thread thread = this.writer;
				if (thread != null) {
					thread.interrupt();
				}
				return true;
			}
			return false;
		}
		if (this.barrierPassed || this.endSent) {
			// Read after the answer to our last ping: the writer is ending the stream, so nothing can
			// answer it here (the server routed it before it read our end).
			this.late.incrementAndGet();
			observer.dropped(stanza, DropReason.AFTER_STREAM_END);
			return true;
		}
		return false;
	}

	/** With a barrier address, the ping itself comes back through the server: it is the barrier. */
	private boolean isOwnBarrier(IQ iq) {
		String via = this.barrierAddress;
		return via != null && via.equals(String.valueOf(iq.getFrom()));
	}

	/**
	 * The server's answer to the hold request. A result: it wrote everything it routed to us before
	 * it, and holds the rest for the next session. An error, or our own request delivered back to us
	 * (a server without the module routes a stanza for the domain to the domain's session): it
	 * cannot, and the close falls back to its ping barrier.
	 */
	private void holdAnswered(IQ iq) {
		long micros = (System.nanoTime() - this.holdAskedAt) / 1000;
		if (iq.getType() == IQ.Type.result) {
			this.barrierPassedAt = System.nanoTime();
			this.barrierPassed = true;
			this.hold = HOLD_GRANTED;
			logger.debug("The server holds the stanzas for component '{}' for the next instance (answered in {} µs)",
					this.endpoint.domain(), micros);
		}
		else {
			this.hold = HOLD_REFUSED;
			logger.debug("The server cannot hold the stanzas for component '{}' ({}, after {} µs; is "
					+ "mod_kindling_handover loaded?): ending with a ping barrier", this.endpoint.domain(),
					(iq.getType() == IQ.Type.error) ? "error " + iq.getError().getCondition() : "our request came back",
					micros);
		}
		this.holdDecided.countDown();
		if (this.finishing.get()) {
			Thread thread = this.writer;
			if (thread != null) {
				thread.interrupt(); // waiting for this answer
			}
		}
	}

	private Packet toPacket(Element element) {
		return switch (element.getName()) {
			case "message" -> new Message(element, true);
			case "presence" -> new Presence(element, true);
			case "iq" -> new IQ(element, true);
			case "error" -> throw streamEnded(new StreamError(element));
			default -> throw new ComponentConnectException(Reason.PROTOCOL,
					"Unexpected top-level element <" + element.getQualifiedName() + "> on the component stream");
		};
	}

	/** A stream error on an established stream: {@code conflict} here means another session took over. */
	private ComponentConnectException streamEnded(StreamError error) {
		if (error.getCondition() == StreamError.Condition.conflict) {
			String text = (error.getText() != null) ? " (" + error.getText() + ")" : "";
			return new ComponentConnectException(Reason.CONFLICT, "The server closed the stream of component '"
					+ this.endpoint.domain() + "' with conflict" + text + ": another session took the domain over");
		}
		return streamErrorException(error, this.endpoint);
	}

	private void writeLoop(OutboundQueue outbound, StanzaObserver observer, Consumer<Throwable> onLoss) {
		List<Packet> batch = new ArrayList<>(WRITE_BATCH);
		try {
			while (!this.closed.get()) {
				boolean took;
				try {
					took = outbound.takeBatch(batch, WRITE_BATCH, WRITER_POLL);
				}
				catch (InterruptedException ex) {
					if (!this.finishing.get()) {
						return; // aborted
					}
					took = false; // woken by close() or by the answer to its ping
				}
				if (took) {
					writeBatch(batch, observer, null);
				}
				if (!this.finishing.get()) {
					continue;
				}
				int held = this.hold;
				if (held == HOLD_ASKED && System.nanoTime() - this.barrierDeadline < 0) {
					continue; // the server's answer to the hold decides how to end; the reader wakes us
				}
				if (held == HOLD_GRANTED) {
					// Everything routed to us came before the server's answer and is answered: end now.
					outbound.finish(batch);
					writeBatch(batch, observer, "</stream:stream>");
					this.endSent = true;
					return;
				}
				if (!this.barrierSent) {
					// Every stanza the server routed to us before it answers this ping is read (and
					// answered) before the answer: only what it routes after that can miss our answer.
					// Marked sent first: on loopback the answer can be read before the write returns.
					this.barrierSentAt = System.nanoTime();
					this.barrierSent = true;
					this.watching = true;
					String via = this.barrierAddress;
					String from = (via != null) ? via : this.endpoint.domain();
					String to = (via != null) ? via : this.endpoint.serverDomain();
					writeBatch(batch, observer, "<iq type='get' id='" + BARRIER_ID + "' from='" + escapeAttribute(from)
							+ "' to='" + escapeAttribute(to) + "'><ping xmlns='urn:xmpp:ping'/></iq>");
				}
				else if (this.barrierPassed || System.nanoTime() - this.barrierDeadline > 0) {
					// The writer is the queue's one consumer, so nothing queued can be left behind
					// or written after the end: refuse further stanzas, write the rest, then the end.
					outbound.finish(batch);
					writeBatch(batch, observer, "</stream:stream>");
					this.endSent = true;
					return;
				}
			}
		}
		catch (Throwable ex) {
			if (!batch.isEmpty()) {
				logger.debug("{} stanzas were not written before the stream broke", batch.size());
			}
			if (!this.finishing.get()) {
				reportLoss(ex, onLoss);
			}
		}
		finally {
			this.endWritten.countDown();
		}
	}

	private void writeBatch(List<Packet> batch, StanzaObserver observer, @Nullable String after) throws IOException {
		this.writeLock.lock();
		try {
			for (Packet stanza : batch) {
				this.stanzaWriter.write(stanza.getElement(), this.text);
				if (this.text.length() >= WRITE_CHUNK) {
					writeText();
				}
			}
			if (after != null) {
				this.text.append(after);
			}
			writeText();
			this.out.flush();
		}
		finally {
			this.writeLock.unlock();
		}
		for (Packet stanza : batch) {
			observer.sent(stanza);
		}
		batch.clear();
	}

	@Override
	public void routeBarrierThrough(String address) {
		this.barrierAddress = address;
	}

	/**
	 * Ask the server to stop routing to this stream and hold the domain's stanzas for the next
	 * session ({@code <drain xmlns='urn:kindling:handover:0'/>} to our own domain), at the start of
	 * a planned stop, and wait up to {@code timeout} for the answer, which the reader reads. Written
	 * at once, ahead of the queue: from the server's answer on, nothing more is routed here, so
	 * senders get no drain error and none is lost when the stream ends. {@link #close} acts on the
	 * answer, even one that comes later.
	 */
	@Override
	public boolean hold(Duration timeout) {
		if (!this.holdWanted || this.closed.get() || this.finishing.get() || this.hold != HOLD_NONE) {
			return false;
		}
		String domain = escapeAttribute(this.endpoint.domain());
		// Marked first: on loopback the answer can be read before the write returns.
		this.holdAskedAt = System.nanoTime();
		this.hold = HOLD_ASKED;
		this.watching = true;
		this.writeLock.lock();
		try {
			this.text.append("<iq type='set' id='").append(HOLD_ID).append("' from='").append(domain).append("' to='")
				.append(domain).append("'><drain xmlns='").append(HOLD_NAMESPACE).append("'/></iq>");
			writeText();
			this.out.flush();
		}
		catch (IOException ex) {
			// The reader notices the broken stream; the close has nothing to wait for.
			this.hold = HOLD_REFUSED;
			this.holdDecided.countDown();
			logger.debug("Could not ask the server to hold the stanzas for component '{}': {}", this.endpoint.domain(),
					ex.toString());
		}
		finally {
			this.writeLock.unlock();
		}
		try {
			this.holdDecided.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return this.hold == HOLD_GRANTED;
	}

	private void writeText() throws IOException {
		int length = this.text.length();
		if (length <= this.chunk.length) {
			this.text.getChars(0, length, this.chunk, 0);
			this.out.write(this.chunk, 0, length);
			this.text.setLength(0);
		}
		else {
			// One large stanza: written once, and its room is not kept.
			this.out.write(this.text.toString());
			this.text.setLength(0);
			this.text.trimToSize();
		}
	}

	private void reportLoss(Throwable ex, Consumer<Throwable> onLoss) {
		if (this.closed.get() || this.finishing.get() || !this.lossReported.compareAndSet(false, true)) {
			return;
		}
		Throwable cause = (ex instanceof ComponentConnectException) ? ex
				: new ComponentConnectException((ex instanceof StanzaTooLargeException) ? Reason.PROTOCOL : Reason.NETWORK,
						"Component stream lost: " + describe(ex), ex);
		onLoss.accept(cause);
	}

	/**
	 * End the stream politely, within {@code timeout}. If the server granted the {@link #hold(Duration)},
	 * nothing more is routed here: the writer writes every queued stanza and
	 * {@code </stream:stream>} at once (if its answer is still awaited, it waits for it first).
	 * Otherwise the writer writes every queued stanza and a
	 * ping to the server, keeps writing (the dispatcher's answers to what still arrives) until the
	 * ping's answer is read, then refuses further stanzas and writes the rest and
	 * {@code </stream:stream>}. The reader reads on until the server's end arrives, so the socket
	 * is never closed under stanzas in flight. The ping narrows what cannot be answered to what
	 * the server routes to us between answering it and reading our end; such stanzas are counted,
	 * logged and reported to the observer as dropped.
	 */
	@Override
	public void close(Duration timeout) {
		if (this.closed.get() || !this.finishing.compareAndSet(false, true)) {
			return;
		}
		long now = System.nanoTime();
		long deadline = now + timeout.toNanos();
		// A reader far behind (an overloaded machine) needs time to get to the answer.
		this.barrierDeadline = now + Math.max(timeout.toNanos() / 2, timeout.toNanos() - BARRIER_MARGIN.toNanos());
		Thread thread = this.writer;
		try {
			if (thread != null) {
				thread.interrupt(); // out of its wait for the next stanza
				if (this.endWritten.await(timeout.toNanos(), TimeUnit.NANOSECONDS) && this.endSent) {
					long sent = System.nanoTime();
					long wait = Math.min(SERVER_END_WAIT.toNanos(), Math.max(0, deadline - sent));
					boolean ended = this.serverEnded.await(wait, TimeUnit.NANOSECONDS);
					logEnd(ended, System.nanoTime() - sent);
				}
				else {
					logger.debug("The end of the stream of component '{}' was not written", this.endpoint.domain());
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			this.closed.set(true);
			stopWriter();
			closeQuietly(this.socket);
		}
	}

	private void logEnd(boolean ended, long nanos) {
		int unanswered = this.late.get();
		String took = (nanos < 1_000_000) ? (nanos / 1000) + " µs" : TimeUnit.NANOSECONDS.toMillis(nanos) + " ms";
		if (!ended) {
			logger.debug("The server did not end the stream of component '{}' within {} ms of ours", this.endpoint.domain(),
					SERVER_END_WAIT.toMillis());
		}
		else {
			if (this.hold == HOLD_GRANTED) {
				logger.debug("The server ended the stream of component '{}' {} after ours; it holds the rest for the next "
						+ "instance; {} stanzas came after our end", this.endpoint.domain(), took, this.late.get());
			}
			else {
				long ping = this.barrierPassed ? this.barrierPassedAt - this.barrierSentAt : -1;
				logger.debug("The server ended the stream of component '{}' {} after ours; its answer to our last ping "
						+ "took {} µs; {} stanzas came after our end", this.endpoint.domain(), took, ping / 1000,
						this.late.get());
			}
		}
		if (unanswered > 0) {
			logger.warn("{} stanzas for component '{}' arrived while its stream was ending (the server routed them before "
					+ "it read the end) and could not be answered", unanswered, this.endpoint.domain());
		}
	}

	/** Stanzas the server delivered while this stream was ending, which could not be answered. */
	int unansweredAfterEnd() {
		return this.late.get();
	}

	/** Drop the stream at once, without a goodbye: it is already broken or declared dead. */
	@Override
	public void abort() {
		this.closed.set(true);
		stopWriter();
		closeQuietly(this.socket);
	}


	/** Wake the writer so it cannot take stanzas meant for the next stream. */
	private void stopWriter() {
		Thread thread = this.writer;
		if (thread != null && thread != Thread.currentThread()) {
			thread.interrupt();
		}
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			logger.trace("Socket close failed", ex);
		}
	}

	private static String escapeAttribute(String value) {
		return value.replace("&", "&amp;").replace("'", "&apos;").replace("<", "&lt;");
	}

	private static String describe(Throwable ex) {
		String message = ex.getMessage();
		return (message != null) ? ex.getClass().getSimpleName() + ": " + message : ex.getClass().getSimpleName();
	}

}
