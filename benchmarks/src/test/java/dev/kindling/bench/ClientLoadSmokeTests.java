package dev.kindling.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The scale-out benchmark's clients counted against a real Prosody and a scripted component that
 * answers faithfully, twice, with an error, out of order, not at all, or pauses: every answer is
 * counted once, and what the component did wrong is counted exactly.
 */
class ClientLoadSmokeTests {

	private static final int CLIENTS = 4;

	private static final Pattern MESSAGE = Pattern.compile("<message\\b[^>]*>.*?</message>", Pattern.DOTALL);

	private static final Pattern ID = Pattern.compile("\\sid=['\"](\\d+)['\"]");

	private static final Pattern FROM = Pattern.compile("\\sfrom=['\"]([^'\"]+)['\"]");

	private static BenchServer server;

	private static ClientLoad load;

	private final ExecutorService executor = Executors.newSingleThreadExecutor();

	private final AtomicBoolean stop = new AtomicBoolean();

	private Socket component;

	@BeforeAll
	static void startServer() throws IOException {
		server = BenchServer.prosody(CLIENTS);
	}

	@AfterAll
	static void stopServer() throws IOException {
		if (load != null) {
			load.close();
		}
		server.close();
	}

	@AfterEach
	void stopComponent() throws IOException {
		this.stop.set(true);
		if (this.component != null) {
			this.component.close();
		}
		this.executor.shutdownNow();
	}

	@Test
	void faithfulComponentHasEveryMessageAnsweredOnceInOrder() throws Exception {
		Scripted script = start(Mode.FAITHFUL);
		ClientLoadResult result = clients().run(window());
		assertThat(result.sent()).isGreaterThan(100);
		assertThat(result.answered()).as("%s", result).isEqualTo(result.sent());
		assertThat(result.errors() + result.lost() + result.duplicates() + result.reorderings() + result.late()).isZero();
		assertThat(result.throughput()).isPositive();
		assertThat(result.p99Micros()).isPositive();
		assertThat(script.handled.get()).isEqualTo(result.sent());
	}

	@Test
	void duplicatesErrorsLossesAndReorderingsAreCountedExactly() throws Exception {
		Scripted script = start(Mode.EVERYTHING_WRONG);
		ClientLoadResult result = clients().run(window());
		assertThat(script.duplicated.get()).as("%s", result).isPositive();
		assertThat(result.duplicates()).as("%s", result).isEqualTo(script.duplicated.get());
		assertThat(result.errors()).isEqualTo(script.errored.get()).isPositive();
		assertThat(result.lost()).isEqualTo(script.dropped.get()).isPositive();
		assertThat(result.reorderings()).isEqualTo(script.swapped.get()).isPositive();
		assertThat(result.answered() + result.errors() + result.lost()).isEqualTo(result.sent());
	}

	@Test
	void fixedRateCountsEachClientsLongestGap() throws Exception {
		Scripted script = start(Mode.PAUSE);
		ClientLoadResult result = clients()
			.run(ClientLoadSpec.rate(CLIENTS, 200, Duration.ofSeconds(3), Duration.ofSeconds(2), "echo@" + server.componentDomain()));
		assertThat(result.sent()).isBetween(550L, 650L);
		assertThat(result.lost() + result.errors()).as("%s", result).isZero();
		// The component read nothing for 1 s: every client waited at least that long for one answer.
		assertThat(result.gapsLongerThan(900)).hasSize(CLIENTS);
		assertThat(result.gaps()).allSatisfy((gap) -> assertThat(gap.closed()).isTrue());
		assertThat(ClientLoadResult.medianAndMax(result.gaps())[1]).isLessThan(2_000);
		assertThat(result.longGaps()).extracting(ClientLoadResult.Gap::client).contains(0, 1, 2, 3);
		assertThat(script.handled.get()).isEqualTo(result.sent());
	}

	private static ClientLoadSpec window() {
		return new ClientLoadSpec(CLIENTS, 4, 0, Duration.ZERO, Duration.ofSeconds(2), Duration.ofSeconds(1),
				Duration.ofSeconds(2), "echo@" + server.componentDomain());
	}

	private static ClientLoad clients() throws IOException {
		if (load == null) {
			load = ClientLoad.connect(server.host(), server.c2sPorts(), server.domain(), BenchServer.users(CLIENTS),
					BenchServer.PASSWORD, Duration.ofSeconds(30));
		}
		return load;
	}

	enum Mode {

		FAITHFUL,

		/** Every 7th message twice, every 11th with an error, every 13th not at all, every 5th swapped with the next of its sender. */
		EVERYTHING_WRONG,

		/** Faithful, but reads nothing for 1 s after the first second. */
		PAUSE

	}

	/** An XEP-0114 component scripted on a raw socket; its counters say what the clients must count. */
	private Scripted start(Mode mode) throws Exception {
		StringBuilder text = new StringBuilder();
		// The previous test's component may not be gone from Prosody yet: its newcomer gets conflict.
		await().atMost(Duration.ofSeconds(10)).until(() -> connect(text));
		Scripted script = new Scripted(mode, this.component.getInputStream(), this.component.getOutputStream());
		Future<?> running = this.executor.submit(() -> {
			script.serve(text);
			return null;
		});
		assertThat(running.isDone()).isFalse();
		return script;
	}

	private boolean connect(StringBuilder text) throws IOException {
		if (this.component != null) {
			this.component.close();
		}
		text.setLength(0);
		this.component = new Socket(server.host(), server.componentPorts().get(0));
		this.component.setSoTimeout(100);
		InputStream in = this.component.getInputStream();
		OutputStream out = this.component.getOutputStream();
		out.write(("<stream:stream xmlns='jabber:component:accept' xmlns:stream='http://etherx.jabber.org/streams' to='"
				+ server.componentDomain() + "'>").getBytes(StandardCharsets.UTF_8));
		Matcher header = Pattern.compile("<stream:stream\\b[^>]*\\sid=['\"]([^'\"]+)['\"]").matcher("");
		while (!header.reset(text).find()) {
			read(in, text);
		}
		out.write(("<handshake>" + LoadGenerator.sha1Hex(header.group(1) + server.componentSecret()) + "</handshake>")
			.getBytes(StandardCharsets.UTF_8));
		while (text.indexOf("<handshake") < 0 && text.indexOf("</stream:error>") < 0) {
			read(in, text);
		}
		boolean accepted = text.indexOf("<handshake") >= 0;
		text.setLength(0);
		return accepted;
	}

	private static int read(InputStream in, StringBuilder text) throws IOException {
		byte[] buffer = new byte[1 << 16];
		try {
			int n = in.read(buffer);
			if (n < 0) {
				throw new IOException("Prosody closed the component stream: " + text);
			}
			text.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
			return n;
		}
		catch (SocketTimeoutException ex) {
			return 0;
		}
	}

	private final class Scripted {

		final Mode mode;

		final InputStream in;

		final OutputStream out;

		final AtomicLong handled = new AtomicLong();

		final AtomicLong duplicated = new AtomicLong();

		final AtomicLong errored = new AtomicLong();

		final AtomicLong dropped = new AtomicLong();

		final AtomicLong swapped = new AtomicLong();

		/** A held answer per sender, written after the sender's next one. */
		final Map<String, String> held = new HashMap<>();

		Scripted(Mode mode, InputStream in, OutputStream out) {
			this.mode = mode;
			this.in = in;
			this.out = out;
		}

		void serve(StringBuilder text) throws IOException, InterruptedException {
			long started = System.nanoTime();
			boolean paused = false;
			while (!ClientLoadSmokeTests.this.stop.get()) {
				if (this.mode == Mode.PAUSE && !paused && System.nanoTime() - started > 1_000_000_000L) {
					paused = true;
					Thread.sleep(1000);
				}
				if (read(this.in, text) == 0) {
					// Nothing more for now: what is held goes out, so that nothing stays unanswered.
					for (String answer : this.held.values()) {
						this.out.write(answer.getBytes(StandardCharsets.UTF_8));
					}
					this.held.clear();
					continue;
				}
				StringBuilder answers = new StringBuilder();
				Matcher message = MESSAGE.matcher(text);
				int end = 0;
				while (message.find()) {
					end = message.end();
					answer(message.group(), answers);
				}
				text.delete(0, end);
				this.out.write(answers.toString().getBytes(StandardCharsets.UTF_8));
			}
		}

		private void answer(String stanza, StringBuilder answers) {
			Matcher idMatch = ID.matcher(stanza);
			Matcher fromMatch = FROM.matcher(stanza);
			if (!idMatch.find() || !fromMatch.find()) {
				return;
			}
			long n = this.handled.incrementAndGet();
			String id = idMatch.group(1);
			String from = fromMatch.group(1);
			String to = "echo@" + server.componentDomain();
			if (this.mode == Mode.EVERYTHING_WRONG && n % 13 == 0) {
				this.dropped.incrementAndGet();
				return;
			}
			String answer;
			if (this.mode == Mode.EVERYTHING_WRONG && n % 11 == 0) {
				this.errored.incrementAndGet();
				answer = "<message type='error' id='" + id + "' from='" + to + "' to='" + from
						+ "'><error type='cancel'><bad-request xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></message>";
			}
			else {
				answer = "<message type='chat' id='" + id + "' from='" + to + "' to='" + from + "'><body>" + id + "</body></message>";
			}
			if (this.mode == Mode.EVERYTHING_WRONG && n % 7 == 0) {
				this.duplicated.incrementAndGet();
				answer = answer + answer;
			}
			String earlier = this.held.remove(from);
			if (earlier != null) {
				// The held one is older: writing it after this one is one reordering.
				this.swapped.incrementAndGet();
				answers.append(answer).append(earlier);
			}
			else if (this.mode == Mode.EVERYTHING_WRONG && n % 5 == 0) {
				this.held.put(from, answer);
			}
			else {
				answers.append(answer);
			}
		}

	}

}
