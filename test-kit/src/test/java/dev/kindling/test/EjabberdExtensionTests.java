package dev.kindling.test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jivesoftware.smack.packet.Message;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.junit.platform.launcher.listeners.TestExecutionSummary.Failure;

import dev.kindling.devserver.EjabberdBalancing;
import dev.kindling.devserver.EjabberdCluster;
import dev.kindling.devserver.EjabberdNotInstalledException;
import dev.kindling.devserver.EjabberdOptions;
import dev.kindling.devserver.EjabberdServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * The extension with a real ejabberd: one server per class, parameter injection, a Smack client
 * and a component on the balanced domain, and fixture classes run through the JUnit Launcher to
 * see how a class ends (a cluster among them).
 */
class EjabberdExtensionTests {

	private static final String FIXTURES = "kindling.test.ejabberd-fixtures";

	@RegisterExtension
	static final EjabberdExtension ejabberd = EjabberdExtension.withUsers("alice", "bob")
		.user("carol", "carol-pw")
		.componentDomain("echo.localhost")
		.componentSecret("s3cret")
		.balancing(EjabberdBalancing.BARE_SOURCE, 2);

	private static EjabberdServer serverBeforeAll;

	private static long pidBeforeAll;

	@BeforeAll
	static void rememberTheServer(EjabberdServer server) {
		serverBeforeAll = server;
		pidBeforeAll = server.pid();
	}

	@Test
	void injectsTheOneRunningServerOfTheClassWithTheCustomization(EjabberdServer server) {
		assertThat(server).isSameAs(serverBeforeAll).isSameAs(ejabberd.server());
		assertThat(server.pid()).isEqualTo(pidBeforeAll);
		assertThat(server.componentDomain()).isEqualTo("echo.localhost");
		assertThat(server.componentSecret()).isEqualTo("s3cret");
		assertThat(server.options().balancing()).isEqualTo(EjabberdBalancing.BARE_SOURCE);
		assertThat(server.options().users())
			.containsExactly(Map.entry("alice", "alice"), Map.entry("bob", "bob"), Map.entry("carol", "carol-pw"));
	}

	@Test
	void aSmackClientReachesAComponentOnTheBalancedDomain(EjabberdServer server) throws IOException {
		// Both slots taken: with one session, a sender hashed to the empty slot is dropped silently.
		try (RawComponent first = RawComponent.connect(server); RawComponent second = RawComponent.connect(server);
				XmppTestClient carol = XmppTestClient.login(server, "carol", "carol-pw")) {
			carol.sendChat("echo.localhost", "hello");

			RawComponent receiver = RawComponent.awaitOnEither("<message[\\s\\S]*?</message>", first, second);
			assertThat(receiver.lastMatch).contains("carol@localhost/test").contains("hello");
			receiver.send("<message from='echo.localhost' to='carol@localhost/test' type='chat'><body>hi carol</body>"
					+ "</message>");
			Message answer = carol.awaitMessage();
			assertThat(answer.getFrom().toString()).isEqualTo("echo.localhost");
			assertThat(answer.getBody()).isEqualTo("hi carol");
		}
	}

	@Test
	void aClusterParameterNeedsACluster() {
		assertThatIllegalStateException().isThrownBy(ejabberd::cluster).withMessageContaining(".cluster(2)");
	}

	@Nested
	class InANestedClass {

		@Test
		void theEnclosingServerIsReused(EjabberdServer server) {
			assertThat(server).isSameAs(serverBeforeAll);
			assertThat(server.pid()).isEqualTo(pidBeforeAll);
		}

	}

	@Test
	void withoutEjabberdTheClassFailsAndIsNotSkipped() {
		TestExecutionSummary summary = run(MissingEjabberdFixture.class);

		assertThat(summary.getContainersFailedCount()).isEqualTo(1);
		assertThat(summary.getContainersAbortedCount()).isZero();
		assertThat(summary.getContainersSkippedCount()).isZero();
		assertThat(summary.getTestsStartedCount()).isZero();
		assertThat(summary.getFailures()).singleElement()
			.extracting(Failure::getException)
			.isInstanceOf(EjabberdNotInstalledException.class)
			.extracting(Throwable::getMessage)
			.isEqualTo("ejabberd is not installed (looked for '/nonexistent/ejabberdctl'). "
					+ "Install it: sudo apt-get install ejabberd (Debian/Ubuntu)");
	}

	@Test
	void aClusterRoutesAClientOnTheSecondNodeToAComponentOnTheFirstAndKeepsLogsOfAFailure() {
		ByteArrayOutputStream stderr = new ByteArrayOutputStream();
		PrintStream original = System.err;
		TestExecutionSummary summary;
		System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
		try {
			summary = run(ClusterFixture.class);
		}
		finally {
			System.setErr(original);
		}

		assertThat(summary.getTestsSucceededCount()).isEqualTo(1);
		assertThat(summary.getTestsFailedCount()).isEqualTo(1);
		EjabberdCluster cluster = ClusterFixture.cluster;
		assertThat(cluster.nodes()).allSatisfy((node) -> {
			assertThat(node.isRunning()).isFalse();
			assertThat(node.directory()).doesNotExist();
		});
		String printed = stderr.toString(StandardCharsets.UTF_8);
		assertThat(printed).contains("ClusterFixture > fails(EjabberdServer) failed; ejabberd log of "
				+ cluster.node(1).nodeName() + " " + cluster.node(1).logFile());
		Path kept = Path.of("target", "ejabberd-logs", ClusterFixture.class.getName() + "-ejabberd-node1.log");
		assertThat(printed).contains("ejabberd log kept at " + kept.toAbsolutePath());
		assertThat(kept).content().contains("is started in the node");
	}

	@Test
	void theAnnotationFormInjectsAServer() {
		TestExecutionSummary summary = run(AnnotatedFixture.class);

		assertThat(summary.getFailures()).isEmpty();
		assertThat(summary.getTestsSucceededCount()).isEqualTo(1);
		assertThat(AnnotatedFixture.server.directory()).doesNotExist();
	}

	private static TestExecutionSummary run(Class<?> fixture) {
		LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
			.selectors(selectClass(fixture))
			.configurationParameter(FIXTURES, "true")
			.build();
		SummaryGeneratingListener listener = new SummaryGeneratingListener();
		LauncherFactory.create().execute(request, listener);
		return listener.getSummary();
	}

	/** A raw XEP-0114 component connection: sends text, waits for a regex over what arrived. */
	static final class RawComponent implements AutoCloseable {

		private final Socket socket;

		private final InputStream in;

		private final OutputStream out;

		private final StringBuilder received = new StringBuilder();

		private String lastMatch = "";

		private RawComponent(Socket socket) throws IOException {
			this.socket = socket;
			this.in = socket.getInputStream();
			this.out = socket.getOutputStream();
		}

		static RawComponent connect(EjabberdServer server) throws IOException {
			Socket socket = new Socket();
			socket.connect(new InetSocketAddress(server.host(), server.componentPort()), 1000);
			RawComponent component = new RawComponent(socket);
			component.send("<stream:stream xmlns='jabber:component:accept' "
					+ "xmlns:stream='http://etherx.jabber.org/streams' to='" + server.componentDomain() + "'>");
			Matcher id = Pattern.compile("\\sid=['\"]([^'\"]+)['\"]")
				.matcher(component.await("<stream:stream[^>]*>", 5000));
			assertThat(id.find()).isTrue();
			component.send("<handshake>" + sha1Hex(id.group(1) + server.componentSecret()) + "</handshake>");
			component.await("<handshake\\s*/>|<handshake>\\s*</handshake>", 5000);
			return component;
		}

		static RawComponent awaitOnEither(String regex, RawComponent... components) throws IOException {
			long deadline = System.nanoTime() + 10_000_000_000L;
			while (true) {
				for (RawComponent component : components) {
					try {
						component.await(regex, 50);
						return component;
					}
					catch (SocketTimeoutException ex) {
						if (System.nanoTime() - deadline > 0) {
							throw ex;
						}
					}
				}
			}
		}

		void send(String xml) throws IOException {
			this.out.write(xml.getBytes(StandardCharsets.UTF_8));
			this.out.flush();
		}

		String await(String regex, int timeoutMillis) throws IOException {
			Pattern pattern = Pattern.compile(regex);
			long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
			byte[] buffer = new byte[8192];
			while (true) {
				Matcher matcher = pattern.matcher(this.received);
				if (matcher.find()) {
					this.lastMatch = matcher.group();
					this.received.delete(0, matcher.end());
					return this.lastMatch;
				}
				long left = (deadline - System.nanoTime()) / 1_000_000;
				if (left <= 0) {
					throw new SocketTimeoutException("No match for " + regex + "; received: " + this.received);
				}
				this.socket.setSoTimeout((int) left);
				int count;
				try {
					count = this.in.read(buffer);
				}
				catch (SocketTimeoutException ex) {
					continue;
				}
				if (count < 0) {
					throw new IOException("Stream closed while waiting for " + regex + "; received: " + this.received);
				}
				this.received.append(new String(buffer, 0, count, StandardCharsets.UTF_8));
			}
		}

		@Override
		public void close() throws IOException {
			this.socket.close();
		}

		private static String sha1Hex(String text) {
			try {
				return HexFormat.of()
					.formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

	/** Fixture classes run only through {@link #run}, never on their own. */
	static final class OnlyThroughTheLauncher implements ExecutionCondition {

		@Override
		public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
			return context.getConfigurationParameter(FIXTURES).isPresent()
					? ConditionEvaluationResult.enabled("run by EjabberdExtensionTests")
					: ConditionEvaluationResult.disabled("a fixture of EjabberdExtensionTests");
		}

	}

	@ExtendWith(OnlyThroughTheLauncher.class)
	static class MissingEjabberdFixture {

		@RegisterExtension
		static final EjabberdExtension ejabberd = EjabberdExtension
			.withOptions(EjabberdOptions.defaults().withExecutable(Path.of("/nonexistent/ejabberdctl")));

		@Test
		void neverRuns() {
		}

	}

	@ExtendWith(OnlyThroughTheLauncher.class)
	static class ClusterFixture {

		@RegisterExtension
		static final EjabberdExtension ejabberd = EjabberdExtension.withUsers("alice").cluster(2);

		static EjabberdCluster cluster;

		@Test
		void routesAcrossNodes(EjabberdCluster ejabberdCluster, EjabberdServer first) throws IOException {
			cluster = ejabberdCluster;
			assertThat(first).isSameAs(ejabberdCluster.node(0));
			try (RawComponent component = RawComponent.connect(first);
					XmppTestClient alice = XmppTestClient.login(ejabberdCluster.node(1), "alice", "alice")) {
				alice.sendChat("bot.localhost", "from node 2");
				assertThat(component.await("<message[\\s\\S]*?</message>", 10_000)).contains("from node 2");
				component.send("<message from='bot.localhost' to='alice@localhost/test'><body>from node 1</body>"
						+ "</message>");
				assertThat(alice.awaitMessage().getBody()).isEqualTo("from node 1");
			}
		}

		@Test
		void fails(EjabberdServer server) {
			assertThat(server.componentDomain()).as("a deliberate failure").isEqualTo("something else");
		}

	}

	@ExtendWith(OnlyThroughTheLauncher.class)
	@WithEjabberd(users = "dave", componentDomain = "annotated.localhost", componentSecret = "annotated",
			balancing = "bare_destination", componentNumber = 3)
	static class AnnotatedFixture {

		static EjabberdServer server;

		@Test
		void injected(EjabberdServer ejabberdServer) {
			server = ejabberdServer;
			assertThat(ejabberdServer.isRunning()).isTrue();
			assertThat(ejabberdServer.componentDomain()).isEqualTo("annotated.localhost");
			assertThat(ejabberdServer.componentSecret()).isEqualTo("annotated");
			assertThat(ejabberdServer.options().balancing()).isEqualTo(EjabberdBalancing.BARE_DESTINATION);
			assertThat(ejabberdServer.options().componentNumber()).isEqualTo(3);
			try (XmppTestClient dave = XmppTestClient.login(ejabberdServer, "dave", "dave")) {
				assertThat(dave.jid().toString()).isEqualTo("dave@localhost/test");
			}
		}

	}

}
