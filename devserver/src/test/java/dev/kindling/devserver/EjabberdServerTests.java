package dev.kindling.devserver;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.kindling.devserver.ProsodyServerTests.RawXmpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * Runs the real ejabberd: raw XMPP over the client and component ports, no mocks.
 */
class EjabberdServerTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private static final String HANDSHAKE_OK = "<handshake\\s*/>|<handshake>\\s*</handshake>";

	/** One server for the tests that only read: starting one takes about 1 s. */
	private static EjabberdServer shared;

	private final List<AutoCloseable> closeables = new ArrayList<>();

	@BeforeAll
	static void startShared() {
		shared = EjabberdServer
			.create(EjabberdOptions.defaults()
				.withComponentDomain("echo.localhost")
				.withBalancing(EjabberdBalancing.BARE_SOURCE, 2))
			.start();
	}

	@AfterAll
	static void closeShared() {
		shared.close();
	}

	@AfterEach
	void closeAll() throws Exception {
		for (AutoCloseable closeable : this.closeables) {
			closeable.close();
		}
	}

	@Test
	void startsWithAllPortsAcceptingAndAComponentReachesMucAndPubsub() throws Exception {
		EjabberdServer server = shared;

		assertThat(server.isRunning()).isTrue();
		assertThat(List.of(server.c2sPort(), server.componentPort(), server.httpPort())).doesNotHaveDuplicates()
			.allSatisfy((port) -> assertThat(accepts(port)).isTrue());
		assertThat(server.host()).isEqualTo("127.0.0.1");
		assertThat(server.domain()).isEqualTo("localhost");
		assertThat(server.componentDomain()).isEqualTo("echo.localhost");
		assertThat(server.componentSecret()).hasSize(32);
		assertThat(server.mucDomain()).isEqualTo("conference.localhost");
		assertThat(server.pubsubDomain()).isEqualTo("pubsub.localhost");
		assertThat(server.nodeName()).matches("kindling-[0-9a-f]{8}-1@127\\.0\\.0\\.1");
		assertThat(server.websocketUrl()).isEqualTo("ws://127.0.0.1:" + server.httpPort() + "/xmpp-websocket");
		// ejabberd's logger writes in the background.
		await().atMost(TIMEOUT).untilAsserted(() -> assertThat(server.logTail(50)).contains("is started in the node"));

		try (RawXmpp component = handshake(server, server.componentSecret())) {
			assertThat(component.await(HANDSHAKE_OK, TIMEOUT)).isNotEmpty();
			component.send("<iq type='get' id='muc' from='echo.localhost' to='conference.localhost'>"
					+ "<query xmlns='http://jabber.org/protocol/disco#info'/></iq>");
			assertThat(component.await("<iq[^>]*id=['\"]muc['\"][\\s\\S]*?</iq>", TIMEOUT)).contains("result")
				.contains("conference");
			component.send("<iq type='get' id='ps' from='echo.localhost' to='pubsub.localhost'>"
					+ "<query xmlns='http://jabber.org/protocol/disco#info'/></iq>");
			assertThat(component.await("<iq[^>]*id=['\"]ps['\"][\\s\\S]*?</iq>", TIMEOUT)).contains("result")
				.contains("pubsub");
		}
		HttpResponse<String> bosh = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(server.boshUrl())).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(bosh.statusCode()).isEqualTo(200);
	}

	@Test
	void componentHandshakeWithTheWrongSecretIsRefused() throws Exception {
		EjabberdServer server = shared;

		try (RawXmpp component = handshake(server, "wrong")) {
			assertThat(component.await("<stream:error>[\\s\\S]*?</stream:error>", TIMEOUT))
				.contains("not-authorized");
		}
	}

	@Test
	void usersRegisteredJustBeforeAKillSurviveTheRestart() throws Exception {
		EjabberdServer server = start(EjabberdOptions.defaults().withUser("alice", "alice-pw"));
		String node = server.nodeName();
		int c2s = server.c2sPort();
		long pid = server.pid();
		server.register(Map.of("bob", "bob-pw", "carol", "carol-pw", "d\u00e9sir\u00e9e", "p\"w\\"));

		server.kill();

		assertThat(server.isRunning()).isFalse();
		assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
		assertThat(accepts(c2s)).isFalse();
		assertThatIllegalStateException().isThrownBy(server::pid);

		server.restart();

		assertThat(server.pid()).isNotEqualTo(pid);
		assertThat(server.nodeName()).isEqualTo(node);
		assertThat(server.c2sPort()).isEqualTo(c2s);
		assertThat(authenticate(server, "alice", "alice-pw")).contains("<success");
		assertThat(authenticate(server, "bob", "bob-pw")).contains("<success");
		assertThat(authenticate(server, "d\u00e9sir\u00e9e", "p\"w\\")).contains("<success");
		assertThat(authenticate(server, "carol", "wrong")).contains("<failure");
	}

	@Test
	void stopIsOrderlyAndRestartKeepsPorts() throws Exception {
		EjabberdServer server = start(EjabberdOptions.defaults());
		int component = server.componentPort();
		long pid = server.pid();
		await().atMost(TIMEOUT).untilAsserted(() -> assertThat(server.logTail(50)).contains("is started in the node"));

		server.stop();
		server.stop();

		assertThat(server.isRunning()).isFalse();
		assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
		assertThat(server.logTail(20)).contains("is stopped in the node");
		assertThat(accepts(component)).isFalse();

		server.restart();

		assertThat(server.componentPort()).isEqualTo(component);
		try (RawXmpp connection = handshake(server, server.componentSecret())) {
			assertThat(connection.await(HANDSHAKE_OK, TIMEOUT)).isNotEmpty();
		}
	}

	@Test
	void twoComponentSessionsShareTheDomainWithBalancing() throws Exception {
		EjabberdServer server = shared;

		try (RawXmpp first = handshake(server, server.componentSecret());
				RawXmpp second = handshake(server, server.componentSecret())) {
			assertThat(first.await(HANDSHAKE_OK, TIMEOUT)).isNotEmpty();
			assertThat(second.await(HANDSHAKE_OK, TIMEOUT)).isNotEmpty();
			// Both sessions stay up and can send (23.01 crashes them at the handshake without
			// component_number). The answers are balanced by their sender, the server itself: one
			// slot, so one session gets both.
			first.send("<iq type='get' id='v1' from='echo.localhost' to='localhost'>"
					+ "<query xmlns='jabber:iq:version'/></iq>");
			second.send("<iq type='get' id='v2' from='echo.localhost' to='localhost'>"
					+ "<query xmlns='jabber:iq:version'/></iq>");
			String answers = "<iq[^>]*id=['\"]v1['\"][\\s\\S]*?</iq>[\\s\\S]*<iq[^>]*id=['\"]v2['\"]"
					+ "|<iq[^>]*id=['\"]v2['\"][\\s\\S]*?</iq>[\\s\\S]*<iq[^>]*id=['\"]v1['\"]";
			assertThat(awaitOnEither(answers, first, second)).contains("result").contains("ejabberd");
		}
		assertThat(server.directory().resolve("ejabberd.yml")).content()
			.contains("domain_balancing:\n  \"echo.localhost\":\n    type: bare_source\n    component_number: 2");
	}

	@Test
	void evaluateRunsErlangOnTheNode() {
		EjabberdServer server = shared;

		assertThat(server.evaluate("ejabberd_cluster:get_nodes()")).isEqualTo("['" + server.nodeName() + "']");
		assertThatExceptionOfType(EjabberdException.class).isThrownBy(() -> server.evaluate("erlang:error(boom)"))
			.withMessageContaining("boom");
	}

	@Test
	void closeEndsTheProcessAndDeletesTheDirectory() {
		EjabberdServer server = start(EjabberdOptions.defaults());
		long pid = server.pid();
		Path directory = server.directory();

		server.close();
		server.close();

		assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
		assertThat(directory).doesNotExist();
		assertThatIllegalStateException().isThrownBy(server::start).withMessageContaining("closed");
	}

	@Test
	void balancingWithoutAComponentNumberIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> EjabberdOptions.defaults().withBalancing(EjabberdBalancing.BARE_SOURCE, 0))
			.withMessageContaining("needs a componentNumber from 2 to 1000")
			.withMessageContaining("component_number");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> EjabberdOptions.defaults().withBalancing(EjabberdBalancing.NONE, 2))
			.withMessageContaining("needs a balancing type");
		assertThat(EjabberdBalancing.of("bare-destination")).isEqualTo(EjabberdBalancing.BARE_DESTINATION);
		assertThat(EjabberdBalancing.of("bare_source").configValue()).isEqualTo("bare_source");
	}

	@Test
	void missingEjabberdFailsWithAOneLineHint() {
		assertThatExceptionOfType(EjabberdNotInstalledException.class)
			.isThrownBy(() -> EjabberdTools.locate(null, "/nonexistent/bin", List.of(), List.of()))
			.withMessage("ejabberd is not installed (looked for 'ejabberdctl' on PATH). "
					+ "Install it: sudo apt-get install ejabberd (Debian/Ubuntu)");
		assertThatExceptionOfType(EjabberdNotInstalledException.class)
			.isThrownBy(() -> EjabberdServer
				.create(EjabberdOptions.defaults().withExecutable(Path.of("/nonexistent/ejabberdctl"))))
			.withMessage("ejabberd is not installed (looked for '/nonexistent/ejabberdctl'). "
					+ "Install it: sudo apt-get install ejabberd (Debian/Ubuntu)");
	}

	@Test
	void rendersStringsAsEscapedYamlAndErlangLiterals() {
		assertThat(EjabberdOptions.yaml("a\"b\\c\nd\u00e9")).isEqualTo("\"a\\\"b\\\\c\\x0ad\u00e9\"");
		assertThat(EjabberdTools.erlangString("a\"b\\\u00e9")).isEqualTo("\"a\\\"b\\\\\\x{e9}\"");
		assertThat(EjabberdTools.erlangAtom("kindling-1@127.0.0.1")).isEqualTo("'kindling-1@127.0.0.1'");
		String config = EjabberdOptions.defaults().withComponentSecret("quote\" and \\").renderConfig(1, 2, 3);
		assertThat(config).contains("password: \"quote\\\" and \\\\\"")
			.contains("port: 2\n")
			.contains("No domain_balancing")
			.doesNotContain("${");
	}

	private EjabberdServer start(EjabberdOptions options) {
		return track(EjabberdServer.create(options)).start();
	}

	private <T extends AutoCloseable> T track(T closeable) {
		this.closeables.add(closeable);
		return closeable;
	}

	static boolean accepts(int port) {
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
	static String authenticate(EjabberdServer server, String user, String password) throws IOException {
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

	/** The first match of {@code regex} on either connection. */
	static String awaitOnEither(String regex, RawXmpp... connections) throws IOException {
		long deadline = System.nanoTime() + TIMEOUT.toNanos();
		while (true) {
			for (RawXmpp connection : connections) {
				try {
					return connection.await(regex, Duration.ofMillis(50));
				}
				catch (SocketTimeoutException ex) {
					if (System.nanoTime() - deadline > 0) {
						throw ex;
					}
				}
			}
		}
	}

	/** XEP-0114: the handshake is the lowercase hex SHA-1 of the stream id and the secret. */
	static RawXmpp handshake(EjabberdServer server, String secret) throws IOException {
		RawXmpp component = new RawXmpp(server.componentPort());
		component.send("<stream:stream xmlns='jabber:component:accept' "
				+ "xmlns:stream='http://etherx.jabber.org/streams' to='" + server.componentDomain() + "'>");
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

}
