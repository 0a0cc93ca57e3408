package dev.kindling.bench;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;

import dev.kindling.bench.GameSlot.Phase;
import dev.kindling.bench.LoadGenerator.ByteBuffer;
import dev.kindling.bench.LoadGenerator.Connection;

/**
 * Drives the Toetem referee (docs/protocol/tictactoe.md) as the XMPP server it is connected to,
 * with N games played at once by simulated players. One thread: due requests are written in one
 * batch, the replies are scanned as bytes for complete top-level stanzas (no XML parser), and each
 * answer and event is checked against the players' own model of their game ({@link GameSlot}).
 * A request's id carries its game slot and request number, so every answer is counted once. IQ
 * requests the referee sends anywhere but to a player (liveness pings, MUC or pubsub requests) get
 * an empty result, and everything else that belongs to no player's flow is counted by kind
 * ({@link ServerSide}).
 */
public final class ToetemSession implements Closeable {

	/** Request ids are {@code request * SLOT_LIMIT + slot}. */
	static final int SLOT_LIMIT = 1_000_000;

	/** How long a player waits before repeating a step that got an error. */
	private static final long RETRY_BACKOFF = TimeUnit.MILLISECONDS.toNanos(100);

	private static final String NAMESPACE = "urn:kindling:toetem:0";

	private static final byte[] BOARD = " board=".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] STATUS = " status=".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] X = " x=".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] O = " o=".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] GAME_TAG = "<game ".getBytes(StandardCharsets.US_ASCII);

	private final Socket socket;

	private final InputStream in;

	private final OutputStream out;

	private final ByteBuffer input;

	private final ByteBuffer output = new ByteBuffer(1 << 16);

	private final String playerDomain;

	private final ServerSide server;

	private final StanzaSplitter splitter = new StanzaSplitter();

	// Per level
	private ToetemSpec spec;

	private byte[] refereeTo;

	private GameSlot[] slots;

	/** Slots with a request to send, the earliest due first. */
	private final PriorityQueue<GameSlot> ready = new PriorityQueue<>(
			Comparator.comparingLong((GameSlot slot) -> slot.due).thenComparingInt((slot) -> slot.index));

	/** Slots whose first game has started (or that were abandoned): measuring waits for all of them. */
	private int started;

	private final Histogram moveLatency = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);

	private final Histogram setupLatency = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);

	private final StringBuilder errorTexts = new StringBuilder();

	private boolean measuring;

	private long measureStartNanos;

	private long measureStartEpochMillis;

	private long worstMove;

	private long worstMoveAt;

	private long measureEnd;

	private long outstanding;

	private long sent;

	private long answered;

	private long errors;

	private long lost;

	private long unexpected;

	private long mismatches;

	private long missingEvents;

	private long strayEvents;

	private long gamesFinished;

	private long resigned;

	private long moves;

	ToetemSession(Connection connection, String playerDomain) throws IOException {
		this.socket = connection.socket();
		this.in = connection.in();
		this.out = connection.out();
		this.input = connection.input();
		this.playerDomain = playerDomain;
		this.server = new ServerSide(this.out);
		this.socket.setSoTimeout(1);
	}

	/**
	 * Play one level: the games run through warmup and measurement, then (no new requests) the
	 * outstanding ones are answered; {@code atPeak} runs while all N games are still in progress
	 * (e.g. to measure the referee's heap); then every game in progress is resigned and every
	 * waiting player leaves, so the next level starts from an empty referee.
	 */
	public ToetemResult run(ToetemSpec spec, Runnable atPeak) throws IOException {
		start(spec);
		long start = System.nanoTime();
		for (GameSlot slot : this.slots) {
			slot.due = start;
			this.ready.add(slot);
		}
		play(start + spec.warmup().toNanos(), false);
		atPeak.run();
		this.ready.clear();
		for (GameSlot slot : this.slots) {
			if (slot.phase == Phase.MOVE) {
				slot.phase = Phase.RESIGN;
				this.ready.add(slot);
			}
			else if (slot.phase == Phase.START) {
				slot.phase = Phase.LEAVE;
				this.ready.add(slot);
			}
		}
		play(0, true);
		double seconds = spec.measure().toNanos() / 1e9;
		Histogram h = this.moveLatency;
		return new ToetemResult(spec, this.sent, this.answered, this.errors, this.errorTexts.toString(), this.lost,
				this.unexpected, this.mismatches, this.missingEvents, this.strayEvents, this.gamesFinished, this.resigned,
				this.moves, this.moves / seconds, micros(h.getValueAtPercentile(50)), micros(h.getValueAtPercentile(99)),
				micros(h.getValueAtPercentile(99.9)), micros(h.getMaxValue()),
				this.measureStartEpochMillis, TimeUnit.NANOSECONDS.toMillis(this.worstMoveAt), micros(this.setupLatency.getValueAtPercentile(99)),
				this.server.iqsAnswered(), this.server.level());
	}

	/** Everything the referee sent outside the players' flows since the connection, by kind. */
	public Map<String, Long> otherTotal() {
		return this.server.total();
	}

	private static long micros(long nanos) {
		return TimeUnit.NANOSECONDS.toMicros(nanos);
	}

	private void start(ToetemSpec spec) {
		this.spec = spec;
		this.refereeTo = ("\" to=\"" + spec.refereeDomain() + "\">").getBytes(StandardCharsets.US_ASCII);
		this.slots = new GameSlot[spec.games()];
		for (int i = 0; i < spec.games(); i++) {
			this.slots[i] = new GameSlot(i, spec.firstPlayer() + 2 * i, this.playerDomain, spec.seed());
		}
		this.ready.clear();
		this.moveLatency.reset();
		this.setupLatency.reset();
		this.server.reset();
		this.errorTexts.setLength(0);
		this.measuring = false;
		this.measureEnd = 0;
		this.started = 0;
		this.outstanding = 0;
		this.sent = 0;
		this.answered = 0;
		this.errors = 0;
		this.lost = 0;
		this.unexpected = 0;
		this.mismatches = 0;
		this.missingEvents = 0;
		this.strayEvents = 0;
		this.gamesFinished = 0;
		this.resigned = 0;
		this.moves = 0;
	}

	/**
	 * Plays: the setup (every slot's join and start) goes out at once; measuring starts once every
	 * game has started and the warmup has passed since (and since the level began), and lasts
	 * {@code measure}, counting the requests sent in it; then the outstanding
	 * requests are waited for (or counted lost). Winding down, everything queued is sent at once,
	 * nothing is measured, and it ends when all is answered.
	 */
	private void play(long warmupEnd, boolean windDown) throws IOException {
		long lossTimeout = this.spec.lossTimeout().toNanos();
		long deadline = windDown ? System.nanoTime() + 2 * lossTimeout : Long.MAX_VALUE;
		long nextExpiry = System.nanoTime();
		long allStartedAt = 0;
		while (true) {
			long now = System.nanoTime();
			if (this.started == this.slots.length && allStartedAt == 0) {
				allStartedAt = now;
			}
			if (!windDown && this.measureEnd == 0 && allStartedAt != 0 && now - warmupEnd >= 0
					&& now - allStartedAt >= this.spec.warmup().toNanos()) {
				this.measuring = true;
				this.measureEnd = now + this.spec.measure().toNanos();
				this.measureStartNanos = now;
				this.measureStartEpochMillis = System.currentTimeMillis();
				this.worstMove = 0;
				this.worstMoveAt = 0;
				deadline = this.measureEnd + lossTimeout;
				this.moveLatency.reset();
				this.setupLatency.reset();
				this.moves = 0;
			}
			boolean sending = windDown ? !this.ready.isEmpty() : (this.measureEnd == 0 || now - this.measureEnd < 0);
			if (!sending) {
				this.measuring = false;
				if (this.outstanding == 0) {
					return;
				}
			}
			if (now - nextExpiry >= 0) {
				expire(now, (now - deadline > 0) ? -1 : lossTimeout);
				nextExpiry = now + TimeUnit.MILLISECONDS.toNanos(100);
			}
			if (sending) {
				sendDue(now, windDown);
			}
			int n = LoadGenerator.readSome(this.in, this.input);
			if (n < 0) {
				throw new IOException("The referee closed the connection");
			}
			if (n > 0) {
				long read = System.nanoTime();
				this.splitter.split(this.input, (data, start, end) -> stanza(data, start, end, read));
			}
		}
	}

	private void sendDue(long now, boolean all) throws IOException {
		ByteBuffer buffer = this.output;
		buffer.clear();
		GameSlot slot;
		while ((slot = this.ready.peek()) != null && (all || slot.due - now <= 0)) {
			this.ready.poll();
			if (slot.phase == Phase.DONE) {
				continue;
			}
			slot.request++;
			slot.outstanding = true;
			slot.eventsSeen = 0;
			slot.sentNanos = System.nanoTime();
			this.outstanding++;
			this.sent++;
			boolean fromX = slot.phase == Phase.START
					|| ((slot.phase == Phase.MOVE || slot.phase == Phase.RESIGN) && slot.xToMove());
			slot.fromO = !fromX;
			buffer.append(ascii("<iq type=\"set\" id=\""));
			buffer.appendDecimal(slot.request * SLOT_LIMIT + slot.index);
			buffer.append(ascii("\" from=\""));
			buffer.append(fromX ? slot.xFull : slot.oFull);
			buffer.append(this.refereeTo);
			String payload = switch (slot.phase) {
				case JOIN -> "<join xmlns=\"" + NAMESPACE + "\"/>";
				case LEAVE -> "<leave xmlns=\"" + NAMESPACE + "\"/>";
				case START -> {
					slot.reset();
					yield "<start xmlns=\"" + NAMESPACE + "\" opponent=\"" + slot.oBare + "\"/>";
				}
				case MOVE -> "<move xmlns=\"" + NAMESPACE + "\" game=\"" + slot.gameId + "\" cell=\"" + slot.chooseMove()
						+ "\"/>";
				case RESIGN -> {
					slot.expectedBoard = new String(slot.board, StandardCharsets.US_ASCII);
					slot.expectedStatus = fromX ? "o-won" : "x-won";
					yield "<resign xmlns=\"" + NAMESPACE + "\" game=\"" + slot.gameId + "\"/>";
				}
				case DONE -> throw new IllegalStateException();
			};
			buffer.append(ascii(payload));
			buffer.append(ascii("</iq>"));
		}
		if (buffer.length > 0) {
			this.out.write(buffer.data, 0, buffer.length);
		}
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

	private void expire(long now, long timeout) {
		for (GameSlot slot : this.slots) {
			if (slot.outstanding && (timeout < 0 || now - slot.sentNanos > timeout)) {
				slot.outstanding = false;
				slot.phase = Phase.DONE;
				this.outstanding--;
				this.lost++;
				if (!slot.started) {
					slot.started = true;
					this.started++;
				}
			}
		}
	}

	private void stanza(byte[] data, int start, int end, long now) throws IOException {
		int tagEnd = StanzaScanner.indexOf(data, (byte) '>', start, end);
		char kind = (char) data[start + 1];
		String type = StanzaScanner.stringAttribute(data, start, tagEnd, StanzaScanner.TYPE);
		int player = player(data, start, tagEnd);
		if (player >= 0 && kind == 'i') {
			answer(data, start, tagEnd, end, player, "error".equals(type), now);
		}
		else if (player >= 0 && kind == 'm' && StanzaScanner.indexOf(data, GAME_TAG, tagEnd, end) >= 0) {
			event(data, tagEnd, end, player);
		}
		else {
			this.server.handle(data, start, tagEnd, end, player >= 0);
		}
	}

	/** The player index of a {@code to='p<index>@<domain>/r'}, or -1. */
	private int player(byte[] data, int start, int tagEnd) {
		int quote = StanzaScanner.find(data, start, tagEnd, StanzaScanner.TO);
		if (quote < 0 || data[quote + 1] != 'p') {
			return -1;
		}
		int index = 0;
		int i = quote + 2;
		for (; i < tagEnd && data[i] >= '0' && data[i] <= '9'; i++) {
			index = index * 10 + (data[i] - '0');
		}
		if (i == quote + 2 || data[i] != '@') {
			return -1;
		}
		String rest = this.playerDomain + "/r";
		for (int j = 0; j < rest.length(); j++) {
			if (data[i + 1 + j] != rest.charAt(j)) {
				return -1;
			}
		}
		return (data[i + 1 + rest.length()] == data[quote]) ? index : -1;
	}

	private GameSlot slotOf(int player) {
		int offset = player - this.spec.firstPlayer();
		return (offset < 0 || offset / 2 >= this.slots.length) ? null : this.slots[offset / 2];
	}

	private void answer(byte[] data, int start, int tagEnd, int end, int player, boolean error, long now) {
		long id = StanzaScanner.decimalAttribute(data, start, tagEnd, StanzaScanner.ID);
		GameSlot slot = slotOf(player);
		if (id < 0 || slot == null || id % SLOT_LIMIT != slot.index || id / SLOT_LIMIT != slot.request
				|| !slot.outstanding || ((player - slot.xPlayer) == 1) != slot.fromO) {
			this.unexpected++;
			return;
		}
		slot.outstanding = false;
		this.outstanding--;
		this.answered++;
		long latency = Math.min(now - slot.sentNanos, TimeUnit.SECONDS.toNanos(60));
		// Only requests sent in the window count: a backlog left by the setup is warmup, not the level.
		if (this.measuring && slot.sentNanos - this.measureStartNanos >= 0) {
			if (slot.phase == Phase.MOVE) {
				this.moveLatency.recordValue(latency);
				this.moves++;
				if (latency > this.worstMove) {
					this.worstMove = latency;
					this.worstMoveAt = now - this.measureStartNanos;
				}
			}
			else if (slot.phase == Phase.JOIN || slot.phase == Phase.START) {
				this.setupLatency.recordValue(latency);
			}
		}
		if (error) {
			// Every request is legal, so the game is left as the referee has it (unless the referee broke
			// that rule, which the retry's answer shows as a mismatch): repeat the same step.
			this.errors++;
			if (this.errorTexts.length() < 2000) {
				this.errorTexts.append(new String(data, start, end - start, StandardCharsets.UTF_8)).append(' ');
			}
			// As a client would after a `wait` error: back off, so an overloaded referee is not flooded.
			slot.due = now + Math.max(this.spec.thinkNanos(), RETRY_BACKOFF);
			this.ready.add(slot);
			return;
		}
		Phase phase = slot.phase;
		if (phase == Phase.JOIN || phase == Phase.LEAVE) {
			if (StanzaScanner.indexOf(data, GAME_TAG, tagEnd, end) >= 0 || slot.eventsSeen != 0) {
				this.mismatches++;
			}
			slot.phase = (phase == Phase.JOIN) ? Phase.START : Phase.DONE;
			schedule(slot, now);
			return;
		}
		int game = StanzaScanner.indexOf(data, GAME_TAG, tagEnd, end);
		int gameEnd = (game < 0) ? -1 : StanzaScanner.indexOf(data, (byte) '>', game, end);
		if (gameEnd < 0) {
			this.mismatches++;
		}
		else {
			String gameId = StanzaScanner.stringAttribute(data, game, gameEnd, StanzaScanner.ID);
			if (phase == Phase.START) {
				slot.gameId = (gameId != null) ? gameId : "";
			}
			if (!slot.gameId.equals(gameId) || !matches(data, game, gameEnd, slot)) {
				this.mismatches++;
			}
		}
		this.missingEvents += 2 - Integer.bitCount(slot.eventsSeen);
		slot.accept();
		if (phase == Phase.RESIGN) {
			this.resigned++;
			slot.phase = Phase.DONE;
		}
		else if (phase == Phase.START) {
			slot.phase = Phase.MOVE;
			if (!slot.started) {
				slot.started = true;
				this.started++;
				// The first moves spread over one think time, so the paced rate holds from the start.
				slot.due = now + (long) ((double) this.spec.thinkNanos() * slot.index / this.slots.length);
				this.ready.add(slot);
				return;
			}
		}
		else if (slot.over()) {
			this.gamesFinished++;
			slot.phase = Phase.JOIN;
		}
		schedule(slot, now);
	}

	/** Players think before a move or resignation; joining and starting a new game go at once. */
	private void schedule(GameSlot slot, long now) {
		if (slot.phase != Phase.DONE) {
			boolean thinks = slot.phase == Phase.MOVE || slot.phase == Phase.RESIGN;
			slot.due = thinks ? now + this.spec.thinkNanos() : now;
			this.ready.add(slot);
		}
	}

	/** Whether a {@code <game/>} shows the state the players expect, between the right players. */
	private static boolean matches(byte[] data, int game, int gameEnd, GameSlot slot) {
		return slot.expectedBoard.equals(StanzaScanner.stringAttribute(data, game, gameEnd, BOARD))
				&& slot.expectedStatus.equals(StanzaScanner.stringAttribute(data, game, gameEnd, STATUS))
				&& slot.xBare.equals(StanzaScanner.stringAttribute(data, game, gameEnd, X))
				&& slot.oBare.equals(StanzaScanner.stringAttribute(data, game, gameEnd, O));
	}

	/** An event to a player: it must show the state the outstanding request makes, once per player. */
	private void event(byte[] data, int tagEnd, int end, int player) {
		GameSlot slot = slotOf(player);
		int game = StanzaScanner.indexOf(data, GAME_TAG, tagEnd, end);
		int gameEnd = StanzaScanner.indexOf(data, (byte) '>', game, end);
		int bit = 1 << (player - (slot == null ? 0 : slot.xPlayer));
		if (slot == null || gameEnd < 0 || !slot.outstanding || (slot.eventsSeen & bit) != 0
				|| !matches(data, game, gameEnd, slot) || (slot.phase != Phase.START
						&& !slot.gameId.equals(StanzaScanner.stringAttribute(data, game, gameEnd, StanzaScanner.ID)))) {
			this.strayEvents++;
			return;
		}
		slot.eventsSeen |= bit;
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}

}
