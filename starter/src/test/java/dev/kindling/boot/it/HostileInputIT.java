package dev.kindling.boot.it;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.kindling.boot.it.ScriptedComponentServer.Session;
import dev.kindling.boot.it.TestBot.RecordingObserver;
import dev.kindling.connection.ComponentConnection;
import dev.kindling.connection.ConnectionState;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Malformed and hostile input from the server's side: each kind resets the stream, a new one is
 * built and the handlers run on it; no external entity is ever fetched or read, no entity is
 * expanded into a stanza, and a 10 MB stanza does not grow the heap.
 */
class HostileInputIT {

	private static final String DOMAIN = "bot.localhost";

	private static final String SECRET = "hostile-" + UUID.randomUUID();

	private static final String FROM = "mallory@localhost/r";

	static ScriptedComponentServer server;

	static ConfigurableApplicationContext bot;

	static ComponentConnection connection;

	static ServerSocket entityListener;

	static final AtomicInteger entityFetches = new AtomicInteger();

	@TempDir
	static Path dir;

	static Path secretFile;

	/** The stream in use; each test that resets it leaves the rebuilt one here for the next. */
	static Session session;

	@BeforeAll
	static void start() throws IOException {
		secretFile = dir.resolve("xxe.txt");
		Files.writeString(secretFile, "XXE-FILE-CONTENT-" + UUID.randomUUID());
		entityListener = new ServerSocket();
		entityListener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
		Thread listener = new Thread(() -> {
			while (!entityListener.isClosed()) {
				try {
					entityListener.accept().close();
					entityFetches.incrementAndGet();
				}
				catch (IOException ex) {
					return;
				}
			}
		}, "xxe-http-listener");
		listener.setDaemon(true);
		listener.start();
		server = new ScriptedComponentServer(DOMAIN, SECRET);
		bot = new SpringApplicationBuilder(TestBot.class).web(WebApplicationType.NONE)
			.properties(Map.of("xmpp.component.host", "127.0.0.1", "xmpp.component.port", server.port(),
					"xmpp.component.domain", DOMAIN, "xmpp.component.secret", SECRET,
					"xmpp.component.backoff.min-delay", "100ms", "xmpp.component.backoff.max-delay", "500ms",
					"spring.main.banner-mode", "off"))
			.run();
		connection = bot.getBean(ComponentConnection.class);
	}

	@AfterAll
	static void stop() throws IOException {
		if (bot != null) {
			bot.close();
		}
		if (server != null) {
			server.close();
		}
		if (entityListener != null) {
			entityListener.close();
		}
	}

	@BeforeEach
	void connected() throws InterruptedException {
		if (session == null) {
			session = server.awaitSession(Duration.ofSeconds(10));
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> connection.getState() == ConnectionState.CONNECTED);
		assertEchoes(session, "ready-" + UUID.randomUUID());
	}

	@Test
	void notWellFormedXmlResetsTheStream() throws InterruptedException {
		session.send("<message type='chat' from='" + FROM + "' to='echo@" + DOMAIN + "'><body>x</message>");
		assertRebuilt();
	}

	@Test
	void unknownTopLevelElementResetsTheStream() throws InterruptedException {
		session.send("<surprise xmlns='urn:example:unknown'><payload/></surprise>");
		assertRebuilt();
	}

	@Test
	void externalEntitiesAreNeverFetchedNorRead() throws InterruptedException {
		String marker = readQuietly(secretFile);
		session.send("<!DOCTYPE message [<!ENTITY file SYSTEM 'file://" + secretFile + "'>"
				+ "<!ENTITY web SYSTEM 'http://127.0.0.1:" + entityListener.getLocalPort() + "/xxe'>]>"
				+ "<message type='chat' from='" + FROM + "' to='echo@" + DOMAIN + "'><body>&file;&web;</body></message>");
		Session attacked = assertRebuilt();
		assertThat(entityFetches).hasValue(0);
		assertThat(attacked.received() + session.received()).doesNotContain(marker);
		assertThat(bot.getBean(RecordingObserver.class).received).noneSatisfy(
				(stanza) -> assertThat(stanza.toXML()).contains(marker));
	}

	@Test
	void entityExpansionIsNotPerformed() throws InterruptedException {
		StringBuilder doctype = new StringBuilder("<!DOCTYPE message [<!ENTITY l0 'lol'>");
		for (int i = 1; i <= 10; i++) {
			doctype.append("<!ENTITY l").append(i).append(" '").append(("&l" + (i - 1) + ";").repeat(10)).append("'>");
		}
		doctype.append("]>");
		long before = usedHeapAfterGc();
		session.send(doctype + "<message type='chat' from='" + FROM + "' to='echo@" + DOMAIN
				+ "'><body>&l10;</body></message>");
		assertRebuilt();
		assertThat(bot.getBean(RecordingObserver.class).received).noneSatisfy(
				(stanza) -> assertThat(stanza.toXML()).contains("lollol"));
		assertThat(usedHeapAfterGc() - before).isLessThan(32L * 1024 * 1024);
	}

	@Test
	void tenMegabyteStanzaResetsTheStreamWithoutGrowingTheHeap() throws InterruptedException {
		long before = usedHeapAfterGc();
		byte[] big = ("<message type='chat' from='" + FROM + "' to='echo@" + DOMAIN + "'><body>" + "a".repeat(10 * 1024 * 1024)
				+ "</body></message>").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
		session.send(big);
		assertRebuilt();
		big = null;
		// The limit (1 MB) stops reading long before 10 MB: the heap holds no copy of the stanza.
		assertThat(usedHeapAfterGc() - before).isLessThan(32L * 1024 * 1024);
	}

	/** The current stream was closed by the component, a new one came up and echoes; returns the old one. */
	private static Session assertRebuilt() throws InterruptedException {
		long connects = connection.getStatus().connects();
		await().atMost(Duration.ofSeconds(10)).until(session::isClosedByPeer);
		Session next = server.awaitSession(Duration.ofSeconds(10));
		await().atMost(Duration.ofSeconds(10)).until(() -> connection.getState() == ConnectionState.CONNECTED
				&& connection.getStatus().connects() > connects);
		assertEchoes(next, "after-" + UUID.randomUUID());
		Session previous = session;
		session = next;
		return previous;
	}

	private static void assertEchoes(Session session, String body) {
		session.send("<message type='chat' id='" + body + "' from='" + FROM + "' to='echo@" + DOMAIN + "'><body>" + body
				+ "</body></message>");
		await().atMost(Duration.ofSeconds(10)).until(() -> session.received().contains("<body>" + body + "</body>"));
	}

	private static long usedHeapAfterGc() {
		Runtime runtime = Runtime.getRuntime();
		System.gc();
		return runtime.totalMemory() - runtime.freeMemory();
	}

	private static String readQuietly(Path path) {
		try {
			return Files.readString(path);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
