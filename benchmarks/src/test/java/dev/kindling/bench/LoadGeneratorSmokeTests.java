package dev.kindling.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.kindling.bench.LoadGenerator.Workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

/**
 * The load generator's own correctness, against a scripted component that answers faithfully,
 * twice, out of order or not at all: every answer is counted once, duplicates, reorderings and
 * losses are detected, and each run stops by itself.
 */
class LoadGeneratorSmokeTests {

	private static final Pattern STANZA = Pattern.compile("<(message|iq) [^>]*?id=\"(\\d+)\" from=\"([^\"]+)\" to=\"([^\"]+)\"");

	private final ExecutorService executor = Executors.newSingleThreadExecutor();

	@AfterEach
	void stop() {
		this.executor.shutdownNow();
	}

	@Test
	void faithfulComponentHasEveryAnswerOnceInOrder() throws Exception {
		LoadResult result = run(Mode.FAITHFUL, Workload.CHAT);
		assertThat(result.sent()).isGreaterThan(100);
		assertThat(result.answered()).as("%s", result).isEqualTo(result.sent());
		assertThat(result.lost()).isZero();
		assertThat(result.duplicates()).isZero();
		assertThat(result.reorderings()).isZero();
		assertThat(result.throughput()).isPositive();
		assertThat(result.p99Micros()).isPositive();
	}

	@Test
	void pingsAreAnsweredAndCounted() throws Exception {
		LoadResult result = run(Mode.FAITHFUL, Workload.PING);
		assertThat(result.answered()).isEqualTo(result.sent()).isGreaterThan(100);
		assertThat(result.errors()).isZero();
	}

	@Test
	void duplicateAnswersAreCountedOnceAndReported() throws Exception {
		LoadResult result = run(Mode.TWICE, Workload.CHAT);
		assertThat(result.answered()).isEqualTo(result.sent());
		assertThat(result.duplicates()).isEqualTo(result.answered());
		assertThat(result.lost()).isZero();
	}

	@Test
	void swappedAnswersOfOneSenderAreReorderings() throws Exception {
		LoadResult result = run(Mode.SWAP_PAIRS, Workload.CHAT);
		// Pairs (2k, 2k+1) belong to the same sender (run length 8): every second answer is early.
		assertThat(result.reorderings()).isGreaterThan(result.answered() / 3);
		assertThat(result.duplicates()).isZero();
		assertThat(result.answered() + result.lost()).isEqualTo(result.sent());
	}

	@Test
	void unansweredStanzasAreLostAndReplaced() throws Exception {
		LoadResult result = run(Mode.DROP_EVERY_TENTH, Workload.CHAT);
		assertThat(result.lost()).isGreaterThan(0);
		assertThat(result.answered() + result.lost()).isEqualTo(result.sent());
		assertThat((double) result.lost() / result.sent()).isBetween(0.05, 0.15);
		assertThat(result.late()).isZero();
	}

	@Test
	void wrongSecretIsRefused() throws Exception {
		try (LoadGenerator generator = new LoadGenerator("localhost", "right")) {
			this.executor.submit(() -> component(generator.port(), "wrong", Mode.FAITHFUL));
			assertThatIOException().isThrownBy(() -> generator.accept(Duration.ofSeconds(5)))
				.withMessageContaining("handshake");
		}
	}

	private LoadResult run(Mode mode, Workload workload) throws Exception {
		try (LoadGenerator generator = new LoadGenerator("localhost", "s3cret")) {
			Future<?> component = this.executor.submit(() -> component(generator.port(), "s3cret", mode));
			try (Session session = generator.accept(Duration.ofSeconds(5))) {
				// Only the dropping component needs a short loss timeout; for the others a long one keeps
				// a slow CI machine's pause from counting a faithful answer as lost (it does not slow
				// the run: the drain ends as soon as nothing is outstanding).
				Duration lossTimeout = (mode == Mode.DROP_EVERY_TENTH) ? Duration.ofMillis(200) : Duration.ofSeconds(5);
				LoadResult result = session.run(new LoadSpec(workload, 16, 4, 8, Duration.ofMillis(100),
						Duration.ofMillis(400), lossTimeout, "bench.localhost"));
				assertThat(component.isDone()).isFalse();
				return result;
			}
		}
	}

	enum Mode {

		FAITHFUL, TWICE, SWAP_PAIRS, DROP_EVERY_TENTH

	}

	/** A scripted component: handshake, then answer what arrives according to the mode. */
	private static Void component(int port, String secret, Mode mode) throws IOException {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
			InputStream in = socket.getInputStream();
			OutputStream out = socket.getOutputStream();
			out.write(("<stream:stream xmlns='jabber:component:accept' xmlns:stream='http://etherx.jabber.org/streams' "
					+ "to='bench.localhost'>").getBytes(StandardCharsets.US_ASCII));
			StringBuilder text = new StringBuilder();
			byte[] buffer = new byte[1 << 16];
			Matcher id;
			while (!(id = Pattern.compile(" id='([^']+)'>").matcher(text)).find()) {
				text.append(read(in, buffer));
			}
			out.write(("<handshake>" + LoadGenerator.sha1Hex(id.group(1) + secret) + "</handshake>")
				.getBytes(StandardCharsets.US_ASCII));
			text.setLength(0);
			int ack;
			while ((ack = text.indexOf("<handshake/>")) < 0) {
				text.append(read(in, buffer));
			}
			// The first stanzas may arrive in the same read as the handshake's answer: keep them.
			text.delete(0, ack + "<handshake/>".length());
			List<String> held = new ArrayList<>();
			long count = 0;
			while (true) {
				text.append(read(in, buffer));
				int end;
				StringBuilder answers = new StringBuilder();
				while ((end = firstEnd(text)) >= 0) {
					String stanza = text.substring(0, end);
					text.delete(0, end);
					Matcher m = STANZA.matcher(stanza);
					if (!m.find()) {
						throw new IllegalStateException("Unexpected stanza " + stanza);
					}
					String answer = m.group(1).equals("iq")
							? "<iq type=\"result\" id=\"" + m.group(2) + "\" to=\"" + m.group(3) + "\" from=\"" + m.group(4) + "\"/>"
							: "<message type=\"chat\" id=\"" + m.group(2) + "\" to=\"" + m.group(3) + "\" from=\"" + m.group(4)
									+ "\"><body>hi</body></message>";
					count++;
					switch (mode) {
						case FAITHFUL -> answers.append(answer);
						case TWICE -> answers.append(answer).append(answer);
						case DROP_EVERY_TENTH -> {
							if (count % 10 != 0) {
								answers.append(answer);
							}
						}
						case SWAP_PAIRS -> {
							if (held.isEmpty()) {
								held.add(answer);
							}
							else {
								answers.append(answer).append(held.remove(0));
							}
						}
					}
				}
				out.write(answers.toString().getBytes(StandardCharsets.US_ASCII));
			}
		}
	}

	private static int firstEnd(StringBuilder text) {
		int message = text.indexOf("</message>");
		int iq = text.indexOf("</iq>");
		if (message >= 0 && (iq < 0 || message < iq)) {
			return message + "</message>".length();
		}
		return (iq >= 0) ? iq + "</iq>".length() : -1;
	}

	private static String read(InputStream in, byte[] buffer) throws IOException {
		int n = in.read(buffer);
		if (n < 0) {
			throw new IOException("closed");
		}
		return new String(buffer, 0, n, StandardCharsets.US_ASCII);
	}

}
