package dev.kindling.devserver;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * Runs the real Prosody: raw XMPP over the client and component ports, no mocks.
 */
class ProsodyServerTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private final List<AutoCloseable> closeables = new ArrayList<>();

	@AfterEach
	void closeAll() throws Exception {
		for (AutoCloseable closeable : this.closeables) {
			closeable.close();
		}
	}

	@Test
	void startsWithAllPortsAcceptingAndTheAdvertisedAddresses() throws Exception {
		ProsodyServer server = start(ProsodyOptions.defaults());

		assertThat(server.isRunning()).isTrue();
		assertThat(ProcessHandle.of(server.pid())).hasValueSatisfying((p) -> assertThat(p.isAlive()).isTrue());
		assertThat(List.of(server.c2sPort(), server.componentPort(), server.httpPort())).doesNotHaveDuplicates()
			.allSatisfy((port) -> assertThat(accepts(port)).isTrue());
		assertThat(server.host()).isEqualTo("127.0.0.1");
		assertThat(server.domain()).isEqualTo("localhost");
		assertThat(server.componentDomain()).isEqualTo("bot.localhost");
		assertThat(server.componentSecret()).hasSize(32);
		assertThat(server.mucDomain()).isEqualTo("conference.localhost");
		assertThat(server.pubsubDomain()).isEqualTo("pubsub.localhost");
		assertThat(server.websocketUrl()).isEqualTo("ws://127.0.0.1:" + server.httpPort() + "/xmpp-websocket");
		assertThat(server.boshUrl()).isEqualTo("http://127.0.0.1:" + server.httpPort() + "/http-bind");
		assertThat(server.directory()).isDirectory();
		assertThat(server.logFile()).isRegularFile().content().contains("Hello and welcome to Prosody")
			.doesNotContain("Unable to load module");
		assertThat(server.directory().resolve("plugins/mod_kindling_handover.lua")).isRegularFile();
		assertThat(server.directory().resolve("prosody.cfg.lua")).content()
			.contains("c2s_ports = { " + server.c2sPort() + " }")
			.contains("component_conflict_resolve = \"kick_new\"");
	}

	@Test
	void usersFromTheOptionsAndRegisteredLaterAuthenticateWithSaslPlain() throws Exception {
		ProsodyServer server = start(ProsodyOptions.defaults().withUser("alice", "alice-pw"));
		server.register("carol", "carol-pw");

		assertThat(authenticate(server, "alice", "alice-pw")).contains("<success");
		assertThat(authenticate(server, "carol", "carol-pw")).contains("<success");
		assertThat(authenticate(server, "alice", "wrong")).contains("<failure").contains("not-authorized");
		assertThat(authenticate(server, "nobody", "nobody")).contains("<failure");

		server.register("carol", "changed");
		assertThat(authenticate(server, "carol", "changed")).contains("<success");
	}

	@Test
	void registersBeforeTheFirstStart() throws Exception {
		ProsodyServer server = track(ProsodyServer.create());
		server.register("dave", "dave-pw");
		server.start();

		assertThat(authenticate(server, "dave", "dave-pw")).contains("<success");
	}

	@Test
	void registersManyUsersAtOnceOnAnotherDomain() throws Exception {
		Map<String, String> users = new LinkedHashMap<>();
		for (int i = 0; i < 8; i++) {
			users.put("user" + i, "pw" + i);
		}
		ProsodyServer server = start(ProsodyOptions.defaults().withDomain("chat.example").withUsers(users));
		server.register(Map.of("late1", "late1", "late2", "late2"));

		for (Map.Entry<String, String> user : users.entrySet()) {
			assertThat(authenticate(server, user.getKey(), user.getValue())).contains("<success");
		}
		assertThat(authenticate(server, "late2", "late2")).contains("<success");
		assertThat(server.mucDomain()).isEqualTo("conference.chat.example");
	}

	@Test
	void rejectsAnInvalidUserName() {
		ProsodyServer server = track(ProsodyServer.create());

		assertThatExceptionOfType(ProsodyException.class).isThrownBy(() -> server.register("bad user@", "pw"))
			.withMessageContaining("prosodyctl register bad user@ localhost failed")
			.withMessageContaining("username is invalid");
	}

	@Test
	void componentHandshakeSucceedsWithTheSecretAndReachesMucAndPubsub() throws Exception {
		ProsodyServer server = start(
				ProsodyOptions.defaults().withComponentDomain("echo.localhost").withComponentSecret("s3cret"));

		try (RawXmpp component = handshake(server, server.componentSecret())) {
			assertThat(component.await("<handshake\\s*/>|<handshake>\\s*</handshake>", TIMEOUT)).isNotEmpty();
			component.send("<iq type='get' id='muc' from='echo.localhost' to='conference.localhost'>"
					+ "<query xmlns='http://jabber.org/protocol/disco#info'/></iq>");
			assertThat(component.await("<iq[^>]*id=['\"]muc['\"][\\s\\S]*?</iq>", TIMEOUT))
				.contains("type='result'")
				.contains("category='conference'");
			component.send("<iq type='get' id='ps' from='echo.localhost' to='pubsub.localhost'>"
					+ "<query xmlns='http://jabber.org/protocol/disco#info'/></iq>");
			assertThat(component.await("<iq[^>]*id=['\"]ps['\"][\\s\\S]*?</iq>", TIMEOUT)).contains("type='result'")
				.contains("category='pubsub'");
		}
	}

	@Test
	void componentHandshakeWithTheWrongSecretGetsAStreamError() throws Exception {
		ProsodyServer server = start(ProsodyOptions.defaults());

		try (RawXmpp component = handshake(server, "wrong")) {
			assertThat(component.await("<stream:error>[\\s\\S]*?</stream:error>", TIMEOUT))
				.contains("not-authorized");
		}
	}

	@Test
	void websocketAndBoshAnswerOnTheHttpPort() throws Exception {
		ProsodyServer server = start(ProsodyOptions.defaults());
		HttpClient http = HttpClient.newHttpClient();

		HttpResponse<String> bosh = http.send(HttpRequest.newBuilder(URI.create(server.boshUrl())).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(bosh.statusCode()).isEqualTo(200);
		assertThat(bosh.body()).contains("BOSH");

		CompletableFuture<String> firstFrame = new CompletableFuture<>();
		WebSocket socket = http.newWebSocketBuilder()
			.subprotocols("xmpp")
			.buildAsync(URI.create(server.websocketUrl()), new WebSocket.Listener() {
				@Override
				public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
					firstFrame.complete(data.toString());
					return null;
				}
			})
			.get(5, TimeUnit.SECONDS);
		socket.sendText("<open xmlns='urn:ietf:params:xml:ns:xmpp-framing' to='localhost' version='1.0'/>", true);
		assertThat(firstFrame.get(5, TimeUnit.SECONDS)).startsWith("<open").contains("from='localhost'");
		socket.sendText("<close xmlns='urn:ietf:params:xml:ns:xmpp-framing'/>", true).get(5, TimeUnit.SECONDS);
		socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
	}

	@Test
	void killAndRestartKeepPortsAndUsers() throws Exception {
		ProsodyServer server = start(ProsodyOptions.defaults().withUser("alice", "alice-pw"));
		int c2s = server.c2sPort();
		int component = server.componentPort();
		int http = server.httpPort();
		long pid = server.pid();

		server.kill();

		assertThat(server.isRunning()).isFalse();
		assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
		assertThat(accepts(c2s)).isFalse();
		assertThatIllegalStateException().isThrownBy(server::pid);

		server.restart();

		assertThat(server.pid()).isNotEqualTo(pid);
		assertThat(List.of(server.c2sPort(), server.componentPort(), server.httpPort()))
			.containsExactly(c2s, component, http);
		assertThat(authenticate(server, "alice", "alice-pw")).contains("<success");
		try (RawXmpp connection = handshake(server, server.componentSecret())) {
			assertThat(connection.await("<handshake\\s*/>|<handshake>\\s*</handshake>", TIMEOUT)).isNotEmpty();
		}
	}

	@Test
	void stopEndsTheProcessAndRestartStartsItAgain() throws Exception {
		ProsodyServer server = start(ProsodyOptions.defaults());
		long pid = server.pid();

		server.stop();
		server.stop();

		assertThat(server.isRunning()).isFalse();
		assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
		assertThat(accepts(server.componentPort())).isFalse();

		server.restart();
		server.restart();

		assertThat(server.isRunning()).isTrue();
		assertThat(accepts(server.componentPort())).isTrue();
	}

	@Test
	void freezeMakesTheHandshakeTimeOutAndUnfreezeRecovers() throws Exception {
		ProsodyServer server = start(ProsodyOptions.defaults());

		server.freeze();

		assertThat(server.isFrozen()).isTrue();
		try (RawXmpp component = openComponentStream(server)) {
			// The kernel still accepts the connection, but Prosody answers nothing.
			assertThatExceptionOfType(SocketTimeoutException.class)
				.isThrownBy(() -> component.await("<stream:stream", Duration.ofMillis(500)));

			server.unfreeze();

			assertThat(server.isFrozen()).isFalse();
			assertThat(component.await("<stream:stream", TIMEOUT)).isNotEmpty();
		}
		try (RawXmpp component = handshake(server, server.componentSecret())) {
			assertThat(component.await("<handshake\\s*/>|<handshake>\\s*</handshake>", TIMEOUT)).isNotEmpty();
		}
	}

	@Test
	void stopEndsAFrozenServer() {
		ProsodyServer server = start(ProsodyOptions.defaults());
		long pid = server.pid();
		server.freeze();

		server.stop();

		assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
		assertThat(server.isFrozen()).isFalse();
	}

	@Test
	void closeEndsTheProcessAndDeletesTheDirectory() {
		ProsodyServer server = start(ProsodyOptions.defaults());
		long pid = server.pid();
		Path directory = server.directory();

		server.close();
		server.close();

		assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
		assertThat(directory).doesNotExist();
		assertThat(server.isRunning()).isFalse();
		assertThatIllegalStateException().isThrownBy(server::start).withMessageContaining("closed");
		assertThatIllegalStateException().isThrownBy(() -> server.register("x", "y"));
	}

	@Test
	void aJvmThatExitsWithoutCloseLeavesNoProsodyBehind() throws Exception {
		String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		Process jvm = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				classpath, ForgetsToClose.class.getName())
			.redirectErrorStream(true)
			.start();
		String output = new String(jvm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(jvm.waitFor(30, TimeUnit.SECONDS)).isTrue();
		Matcher started = Pattern.compile("STARTED (\\d+) (\\S+)").matcher(output);
		assertThat(started.find()).as(output).isTrue();
		long pid = Long.parseLong(started.group(1));
		Path directory = Path.of(started.group(2));

		// Prosody was the child of the exited JVM: init reaps it, so it may linger as a zombie.
		await().atMost(Duration.ofSeconds(10)).until(() -> isGoneOrZombie(pid));
		assertThat(directory).doesNotExist();
	}

	@Test
	void retriesWithNewPortsWhenAPortWasTakenMeanwhile() throws Exception {
		ProsodyServer server = track(ProsodyServer.create());
		int chosen = server.componentPort();
		try (ServerSocket thief = new ServerSocket()) {
			thief.bind(new InetSocketAddress("127.0.0.1", chosen));

			server.start();

			assertThat(server.componentPort()).isNotEqualTo(chosen);
			try (RawXmpp component = handshake(server, server.componentSecret())) {
				assertThat(component.await("<handshake\\s*/>|<handshake>\\s*</handshake>", TIMEOUT)).isNotEmpty();
			}
		}
	}

	@Test
	void failsOnAFixedPortThatIsTaken() throws Exception {
		try (ServerSocket thief = new ServerSocket()) {
			thief.bind(new InetSocketAddress("127.0.0.1", 0));
			ProsodyServer server = track(
					ProsodyServer.create(ProsodyOptions.defaults().withPorts(0, thief.getLocalPort(), 0)));

			assertThatExceptionOfType(ProsodyException.class).isThrownBy(server::start)
				.withMessageContaining("could not listen")
				.withMessageContaining("Failed to open server port " + thief.getLocalPort());
			assertThat(server.isRunning()).isFalse();
		}
	}

	@Test
	void failsWithTheOutputTailWhenProsodyExitsDuringStart(@TempDir Path dir) throws Exception {
		Path fake = dir.resolve("prosody");
		Files.writeString(fake, "#!/bin/sh\necho 'lua: something is badly wrong'\nexit 3\n");
		Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwx------"));
		ProsodyServer server = track(ProsodyServer.create(ProsodyOptions.defaults().withExecutable(fake)));

		assertThatExceptionOfType(ProsodyException.class).isThrownBy(server::start)
			.withMessageContaining("exited during start with code 3")
			.withMessageContaining("lua: something is badly wrong");
	}

	@Test
	void missingProsodyFailsWithAOneLineHint() {
		assertThatExceptionOfType(ProsodyNotInstalledException.class)
			.isThrownBy(() -> ProsodyTools.locate(null, "prosody", "/nonexistent/bin", List.of()))
			.withMessage("Prosody is not installed (looked for 'prosody' on PATH). "
					+ "Install it: sudo apt-get install prosody (Debian/Ubuntu)");
		assertThatExceptionOfType(ProsodyNotInstalledException.class)
			.isThrownBy(() -> ProsodyServer
				.create(ProsodyOptions.defaults().withExecutable(Path.of("/nonexistent/prosody"))))
			.withMessage("Prosody is not installed (looked for '/nonexistent/prosody'). "
					+ "Install it: sudo apt-get install prosody (Debian/Ubuntu)");
	}

	@Test
	void rendersStringsAsEscapedLuaLiterals() {
		assertThat(ProsodyOptions.lua("a\"b\\c\nd\u00e9")).isEqualTo("\"a\\\"b\\\\c\\010d\\195\\169\"");
		String config = ProsodyOptions.defaults()
			.withComponentSecret("quote\" and \\ and ]]")
			.renderConfig(Path.of("/tmp/x y"), 1, 2, 3);
		assertThat(config).contains("component_secret = \"quote\\\" and \\\\ and ]]\"")
			.contains("data_path = \"/tmp/x y/data\"")
			.contains("admins = { \"bot.localhost\" }")
			.doesNotContain("${");
	}

	@Test
	void rendersTheConflictResolution() {
		assertThat(ProsodyOptions.defaults().conflictResolve()).isEqualTo(ProsodyOptions.ConflictResolve.KICK_NEW);
		assertThat(ProsodyOptions.defaults()
			.withConflictResolve(ProsodyOptions.ConflictResolve.KICK_OLD)
			.withUser("alice", "pw")
			.renderConfig(Path.of("/tmp/x"), 1, 2, 3)).contains("component_conflict_resolve = \"kick_old\"");
	}

	@Test
	void loadsTheHandOverModuleOnTheComponentHostUnlessLeftOut() {
		assertThat(ProsodyOptions.defaults().handover()).isTrue();
		assertThat(ProsodyOptions.defaults().renderConfig(Path.of("/tmp/x"), 1, 2, 3))
			.contains("modules_enabled = { \"kindling_handover\" }");
		assertThat(ProsodyOptions.defaults().withHandover(false).withLogLevel("warn").renderConfig(Path.of("/tmp/x"), 1, 2, 3))
			.doesNotContain("\"kindling_handover\"");
		assertThat(ProsodyOptions.defaults().withHandover(false).withDomain("example.org").handover()).isFalse();
	}

	private static boolean isGoneOrZombie(long pid) throws IOException {
		Path stat = Path.of("/proc", Long.toString(pid), "stat");
		if (!Files.exists(stat)) {
			return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isEmpty();
		}
		try {
			String content = Files.readString(stat);
			return content.charAt(content.lastIndexOf(')') + 2) == 'Z';
		}
		catch (NoSuchFileException ex) {
			return true;
		}
	}

	private ProsodyServer start(ProsodyOptions options) {
		return track(ProsodyServer.create(options)).start();
	}

	private <T extends AutoCloseable> T track(T closeable) {
		this.closeables.add(closeable);
		return closeable;
	}

	private static boolean accepts(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
			return true;
		}
		catch (ConnectException ex) {
			return false;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Opens a client stream and tries SASL PLAIN; returns the {@code <success>} or {@code <failure>}. */
	private static String authenticate(ProsodyServer server, String user, String password) throws IOException {
		try (RawXmpp client = new RawXmpp(server.c2sPort())) {
			client.send("<?xml version='1.0'?><stream:stream to='" + server.domain()
					+ "' xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams' version='1.0'>");
			assertThat(client.await("<stream:features>[\\s\\S]*?</stream:features>", TIMEOUT))
				.contains("<mechanism>PLAIN</mechanism>");
			String credentials = "\0" + user + "\0" + password;
			client.send("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>"
					+ Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)) + "</auth>");
			return client.await("<success[^>]*(/>|>[\\s\\S]*?</success>)|<failure[\\s\\S]*?</failure>", TIMEOUT);
		}
	}

	private static RawXmpp openComponentStream(ProsodyServer server) throws IOException {
		RawXmpp component = new RawXmpp(server.componentPort());
		component.send("<stream:stream xmlns='jabber:component:accept' "
				+ "xmlns:stream='http://etherx.jabber.org/streams' to='" + server.componentDomain() + "'>");
		return component;
	}

	/** XEP-0114: the handshake is the lowercase hex SHA-1 of the stream id and the secret. */
	private static RawXmpp handshake(ProsodyServer server, String secret) throws IOException {
		RawXmpp component = openComponentStream(server);
		String header = component.await("<stream:stream[^>]*>", TIMEOUT);
		Matcher id = Pattern.compile("\\sid=['\"]([^'\"]+)['\"]").matcher(header);
		assertThat(id.find()).as("stream id in %s", header).isTrue();
		component.send("<handshake>" + sha1Hex(id.group(1) + secret) + "</handshake>");
		return component;
	}

	private static String sha1Hex(String text) {
		try {
			MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
			return HexFormat.of().formatHex(sha1.digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Started in its own JVM: starts Prosody and exits without closing it. */
	static final class ForgetsToClose {

		public static void main(String[] args) {
			ProsodyServer server = ProsodyServer.create().start();
			System.out.println("STARTED " + server.pid() + " " + server.directory());
			System.exit(0);
		}

	}

	/** A raw XMPP connection: sends text, waits for a regex to match what arrived since the last match. */
	static final class RawXmpp implements AutoCloseable {

		private final Socket socket;

		private final Reader reader;

		private final OutputStream out;

		private final StringBuilder received = new StringBuilder();

		RawXmpp(int port) throws IOException {
			this.socket = new Socket();
			this.socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
			this.reader = new InputStreamReader(this.socket.getInputStream(), StandardCharsets.UTF_8);
			this.out = this.socket.getOutputStream();
		}

		void send(String xml) throws IOException {
			this.out.write(xml.getBytes(StandardCharsets.UTF_8));
			this.out.flush();
		}

		/**
		 * The first match of {@code regex} in what arrived and was not consumed yet.
		 * @throws SocketTimeoutException if nothing matches in time
		 */
		String await(String regex, Duration timeout) throws IOException {
			Pattern pattern = Pattern.compile(regex);
			long deadline = System.nanoTime() + timeout.toNanos();
			char[] buffer = new char[8192];
			while (true) {
				Matcher matcher = pattern.matcher(this.received);
				if (matcher.find()) {
					String match = matcher.group();
					this.received.delete(0, matcher.end());
					return match;
				}
				long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
				if (left <= 0) {
					throw new SocketTimeoutException("No match for " + regex + " within " + timeout.toMillis()
							+ " ms; received: " + this.received);
				}
				this.socket.setSoTimeout((int) left);
				int count;
				try {
					count = this.reader.read(buffer);
				}
				catch (SocketTimeoutException ex) {
					continue;
				}
				if (count < 0) {
					throw new IOException("Stream closed while waiting for " + regex + "; received: " + this.received);
				}
				this.received.append(buffer, 0, count);
			}
		}

		@Override
		public void close() throws IOException {
			this.socket.close();
		}

	}

}
