package dev.kindling.boot.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.kindling.devserver.ProsodyOptions;
import dev.kindling.devserver.ProsodyServer;
import dev.kindling.test.ProsodyExtension;
import dev.kindling.test.XmppTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kindling's Prosody module {@code mod_kindling_handover}, driven by hand over raw XEP-0114
 * streams: a session that asks to leave gets its answer after everything routed to it, the
 * stanzas that follow are held and delivered in order to the next session, and the hold's limits
 * (count and time) bounce with {@code remote-server-timeout} of type {@code wait}. Without the
 * module the request comes back to the component itself, which is how Kindling detects it.
 */
class ProsodyHandOverHoldIT {

	private static final Pattern STREAM_ID = Pattern.compile("id=['\"]([^'\"]+)['\"]");

	private static final String DRAIN = "<iq type='set' id='kindling-hold' from='%1$s' to='%1$s'>"
			+ "<drain xmlns='urn:kindling:handover:0'/></iq>";

	/** The server's answer to the request, a whole start tag. */
	private static final Pattern ANSWER = Pattern.compile("<iq[^>]*kindling-hold[^>]*>");

	@RegisterExtension
	static final ProsodyExtension prosody = ProsodyExtension.withUsers("alice");

	@RegisterExtension
	static final ProsodyExtension withoutModule = ProsodyExtension.withUsers("alice").handover(false);

	@Test
	void heldStanzasGoToTheNextSessionInOrder() throws Exception {
		ProsodyServer server = prosody.server();
		try (XmppTestClient alice = XmppTestClient.login(server, "alice", "alice")) {
			String to = "echo@" + server.componentDomain();
			try (RawComponent old = RawComponent.connect(server)) {
				alice.sendChat(to, "before");
				assertThat(old.readUntil(Pattern.compile("before"))).contains("before");
				old.write(String.format(DRAIN, server.componentDomain()));
				assertThat(old.readUntil(ANSWER)).containsPattern("type=['\"]result['\"]");
				for (int i = 1; i <= 3; i++) {
					alice.sendChat(to, "held " + i);
				}
				old.write("</stream:stream>");
				assertThat(old.readToEnd()).as("nothing after the answer").doesNotContain("held");
			}
			try (RawComponent next = RawComponent.connect(server)) {
				String delivered = next.readUntil(Pattern.compile("held 3"));
				assertThat(delivered.indexOf("held 1")).isNotNegative()
					.isLessThan(delivered.indexOf("held 2"));
				assertThat(delivered.indexOf("held 2")).isLessThan(delivered.indexOf("held 3"));
			}
			assertThat(alice.pendingMessages()).as("no bounce").isZero();
		}
	}

	@Test
	void beyondItsCountTheHoldBouncesAndWithoutANewSessionItBouncesAfterItsTime() throws Exception {
		try (ProsodyServer server = ProsodyServer.create(ProsodyOptions.defaults().withUser("alice", "alice"))) {
			// Global options, read by the module through its host: 2 stanzas, 2 s.
			Path config = server.directory().resolve("prosody.cfg.lua");
			Files.writeString(config, "kindling_handover_max_stanzas = 2\nkindling_handover_max_seconds = 2\n"
					+ Files.readString(config));
			server.start();
			try (XmppTestClient alice = XmppTestClient.login(server, "alice", "alice")) {
				String to = "echo@" + server.componentDomain();
				try (RawComponent old = RawComponent.connect(server)) {
					old.write(String.format(DRAIN, server.componentDomain()));
					assertThat(old.readUntil(ANSWER)).containsPattern("type=['\"]result['\"]");
					old.write("</stream:stream>");
					old.readToEnd();
				}
				long held = System.nanoTime();
				String first = alice.sendChat(to, "one");
				String second = alice.sendChat(to, "two");
				String third = alice.sendChat(to, "three");

				Message full = alice.awaitMessage();
				assertThat(full.getStanzaId()).isEqualTo(third);
				assertBounce(full, "too many held stanzas");

				List<Message> expired = alice.awaitMessages(2, Duration.ofSeconds(10));
				long millis = (System.nanoTime() - held) / 1_000_000;
				assertThat(expired).extracting(Message::getStanzaId).containsExactly(first, second);
				expired.forEach((bounce) -> assertBounce(bounce, "no new session in time"));
				assertThat(millis).as("bounced when the hold's time ran out").isGreaterThanOrEqualTo(1500);
				System.out.printf("[hold] count limit bounced at once; time limit bounced after %d ms%n", millis);
			}
		}
	}

	@Test
	void withoutTheModuleTheRequestComesBackToTheComponent() throws Exception {
		ProsodyServer server = withoutModule.server();
		try (RawComponent component = RawComponent.connect(server)) {
			component.write(String.format(DRAIN, server.componentDomain()));
			String back = component.readUntil(Pattern.compile("urn:kindling:handover:0"));
			assertThat(back).contains("kindling-hold").containsPattern("type=['\"]set['\"]");
		}
	}

	private static void assertBounce(Message bounce, String text) {
		assertThat(bounce.getType()).isEqualTo(Message.Type.error);
		assertThat(bounce.getError().getCondition()).isEqualTo(StanzaError.Condition.remote_server_timeout);
		assertThat(bounce.getError().getType()).isEqualTo(StanzaError.Type.WAIT);
		assertThat(bounce.getError().getDescriptiveText()).contains(text);
	}

	/** An XEP-0114 session written and read by hand. */
	private static final class RawComponent implements AutoCloseable {

		private final Socket socket;

		private final InputStream in;

		private final OutputStream out;

		/** Read but not returned yet: what came after the last match. */
		private final StringBuilder pending = new StringBuilder();

		private RawComponent(Socket socket) throws IOException {
			this.socket = socket;
			this.in = socket.getInputStream();
			this.out = socket.getOutputStream();
		}

		static RawComponent connect(ProsodyServer server) throws IOException, NoSuchAlgorithmException {
			Socket socket = new Socket();
			socket.connect(new InetSocketAddress(server.host(), server.componentPort()), 5000);
			socket.setSoTimeout(10_000);
			RawComponent component = new RawComponent(socket);
			component.write("<stream:stream xmlns='jabber:component:accept' "
					+ "xmlns:stream='http://etherx.jabber.org/streams' to='" + server.componentDomain() + "'>");
			Matcher id = STREAM_ID.matcher(component.readUntil(STREAM_ID));
			assertThat(id.find()).isTrue();
			component.write("<handshake>" + sha1(id.group(1) + server.componentSecret()) + "</handshake>");
			assertThat(component.readUntil(Pattern.compile("<handshake[^>]*>"))).contains("<handshake");
			return component;
		}

		void write(String text) throws IOException {
			this.out.write(text.getBytes(StandardCharsets.UTF_8));
			this.out.flush();
		}

		/** What arrives up to the end of {@code wanted} (or until the server closes the socket). */
		String readUntil(Pattern wanted) throws IOException {
			StringBuilder read = new StringBuilder(this.pending);
			this.pending.setLength(0);
			byte[] buffer = new byte[4096];
			Matcher matcher = wanted.matcher(read);
			while (!matcher.find()) {
				int n = this.in.read(buffer);
				if (n < 0) {
					return read.toString();
				}
				read.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
				matcher = wanted.matcher(read);
			}
			this.pending.append(read, matcher.end(), read.length());
			return read.substring(0, matcher.end());
		}

		String readToEnd() throws IOException {
			String rest = this.pending + new String(this.in.readAllBytes(), StandardCharsets.UTF_8);
			this.pending.setLength(0);
			return rest;
		}

		@Override
		public void close() throws IOException {
			this.socket.close();
		}

		private static String sha1(String text) throws NoSuchAlgorithmException {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
		}

	}

}
