package dev.kindling.boot.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.kindling.devserver.ProsodyServer;
import dev.kindling.test.ProsodyExtension;
import dev.kindling.test.XmppTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What Prosody 0.12 does with the end of a component's stream, which the drain relies on: the
 * stanzas written before {@code </stream:stream>} are delivered, a stanza written after it (even in
 * the same packet) is not, and the server answers with its own end at once.
 */
class ProsodyStreamEndIT {

	private static final Pattern STREAM_ID = Pattern.compile("id=['\"]([^'\"]+)['\"]");

	@RegisterExtension
	static final ProsodyExtension prosody = ProsodyExtension.withUsers("alice");

	@Test
	void whatComesBeforeTheEndIsDeliveredAndWhatComesAfterIsNot() throws Exception {
		ProsodyServer server = prosody.server();
		try (XmppTestClient alice = XmppTestClient.login(server, "alice", "alice");
				Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(server.host(), server.componentPort()), 5000);
			socket.setSoTimeout(5000);
			OutputStream out = socket.getOutputStream();
			InputStream in = socket.getInputStream();
			write(out, "<stream:stream xmlns='jabber:component:accept' xmlns:stream='http://etherx.jabber.org/streams' to='"
					+ server.componentDomain() + "'>");
			Matcher id = STREAM_ID.matcher(readUntil(in, STREAM_ID));
			assertThat(id.find()).isTrue();
			write(out, "<handshake>" + sha1(id.group(1) + server.componentSecret()) + "</handshake>");
			assertThat(readUntil(in, Pattern.compile("<handshake"))).contains("<handshake");

			String to = alice.jid().toString();
			long sent = System.nanoTime();
			write(out, chat(server, to, "before the end") + "</stream:stream>" + chat(server, to, "after the end"));

			String rest = readToEnd(in);
			long ended = System.nanoTime();
			assertThat(rest).contains("</stream:stream>");
			assertThat(alice.awaitMessage().getBody()).isEqualTo("before the end");
			await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> alice.pendingMessages() == 0);
			System.out.printf("[stream end] Prosody's end came %d µs after ours%n", (ended - sent) / 1000);
		}
	}

	private static String chat(ProsodyServer server, String to, String body) {
		return "<message type='chat' from='echo@" + server.componentDomain() + "' to='" + to + "'><body>" + body
				+ "</body></message>";
	}

	private static void write(OutputStream out, String text) throws IOException {
		out.write(text.getBytes(StandardCharsets.UTF_8));
		out.flush();
	}

	private static String readUntil(InputStream in, Pattern wanted) throws IOException {
		StringBuilder read = new StringBuilder();
		byte[] buffer = new byte[4096];
		while (!wanted.matcher(read).find()) {
			int n = in.read(buffer);
			if (n < 0) {
				break;
			}
			read.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
		}
		return read.toString();
	}

	/** Everything until the server closes the socket. */
	private static String readToEnd(InputStream in) throws IOException {
		return new String(in.readAllBytes(), StandardCharsets.UTF_8);
	}

	private static String sha1(String text) throws NoSuchAlgorithmException {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
	}

}
