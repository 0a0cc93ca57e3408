package dev.kindling.test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

import dev.kindling.devserver.ProsodyNotInstalledException;
import dev.kindling.devserver.ProsodyOptions;
import dev.kindling.devserver.ProsodyServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * The extension with a real Prosody: one server per class, parameter injection, and fixture
 * classes run through the JUnit Launcher to see how a class ends.
 */
class ProsodyExtensionTests {

	private static final String FIXTURES = "kindling.test.prosody-fixtures";

	@RegisterExtension
	static final ProsodyExtension prosody = ProsodyExtension.withUsers("alice", "bob")
		.user("carol", "carol-pw")
		.componentDomain("echo.localhost")
		.componentSecret("s3cret");

	private static ProsodyServer serverBeforeAll;

	private static long pidBeforeAll;

	@BeforeAll
	static void rememberTheServer(ProsodyServer server) {
		serverBeforeAll = server;
		pidBeforeAll = server.pid();
	}

	@Test
	void injectsTheOneRunningServerOfTheClass(ProsodyServer server) {
		assertThat(server).isSameAs(serverBeforeAll).isSameAs(prosody.server());
		assertThat(server.isRunning()).isTrue();
		assertThat(server.pid()).isEqualTo(pidBeforeAll);
	}

	@Test
	void appliesTheCustomization(ProsodyServer server) {
		assertThat(server).isSameAs(serverBeforeAll);
		assertThat(server.componentDomain()).isEqualTo("echo.localhost");
		assertThat(server.componentSecret()).isEqualTo("s3cret");
		assertThat(server.options().users())
			.containsExactly(Map.entry("alice", "alice"), Map.entry("bob", "bob"), Map.entry("carol", "carol-pw"));
	}

	@Test
	void registersTheUsers(ProsodyServer server) throws IOException {
		assertThat(saslPlain(server, "alice", "alice")).startsWith("<success");
		assertThat(saslPlain(server, "bob", "bob")).startsWith("<success");
		assertThat(saslPlain(server, "carol", "carol-pw")).startsWith("<success");
		assertThat(saslPlain(server, "carol", "carol")).startsWith("<failure");
	}

	@Nested
	class InANestedClass {

		@Test
		void theEnclosingServerIsReused(ProsodyServer server) {
			assertThat(server).isSameAs(serverBeforeAll);
			assertThat(server.pid()).isEqualTo(pidBeforeAll);
		}

	}

	@Test
	void withoutProsodyTheClassFailsAndIsNotSkipped() {
		TestExecutionSummary summary = run(MissingProsodyFixture.class);

		assertThat(summary.getContainersFailedCount()).isEqualTo(1);
		assertThat(summary.getContainersAbortedCount()).isZero();
		assertThat(summary.getContainersSkippedCount()).isZero();
		assertThat(summary.getTestsStartedCount()).isZero();
		assertThat(summary.getFailures()).singleElement()
			.extracting(Failure::getException)
			.isInstanceOf(ProsodyNotInstalledException.class)
			.extracting(Throwable::getMessage)
			.isEqualTo("Prosody is not installed (looked for '/nonexistent/prosody'). "
					+ "Install it: sudo apt-get install prosody (Debian/Ubuntu)");
	}

	@Test
	void closesTheServerAfterTheClassAndShowsAndKeepsTheLogOfAFailedTest() {
		ByteArrayOutputStream stderr = new ByteArrayOutputStream();
		PrintStream original = System.err;
		TestExecutionSummary summary;
		System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
		try {
			summary = run(FailingTestFixture.class);
		}
		finally {
			System.setErr(original);
		}

		assertThat(summary.getTestsFailedCount()).isEqualTo(1);
		ProsodyServer server = FailingTestFixture.server;
		assertThat(server.isRunning()).isFalse();
		assertThat(ProcessHandle.of(FailingTestFixture.pid).filter(ProcessHandle::isAlive)).isEmpty();
		assertThat(server.directory()).doesNotExist();
		String printed = stderr.toString(StandardCharsets.UTF_8);
		assertThat(printed).contains("FailingTestFixture > fails(ProsodyServer) failed; Prosody log " + server.logFile())
			.contains("Authenticated as alice@localhost");
		Path kept = Path.of("target", "prosody-logs", FailingTestFixture.class.getName() + "-prosody.log");
		assertThat(printed).contains("Prosody log kept at " + kept.toAbsolutePath());
		assertThat(kept).content().contains("Hello and welcome to Prosody");
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

	/** Opens a client stream and tries SASL PLAIN; returns the {@code <success>} or {@code <failure>}. */
	private static String saslPlain(ProsodyServer server, String user, String password) throws IOException {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(server.host(), server.c2sPort()), 1000);
			socket.setSoTimeout(5000);
			OutputStream out = socket.getOutputStream();
			out.write(("<stream:stream to='" + server.domain() + "' xmlns='jabber:client' "
					+ "xmlns:stream='http://etherx.jabber.org/streams' version='1.0'>")
				.getBytes(StandardCharsets.UTF_8));
			InputStream in = socket.getInputStream();
			readUntil(in, "</stream:features>");
			String credentials = Base64.getEncoder()
				.encodeToString(("\0" + user + "\0" + password).getBytes(StandardCharsets.UTF_8));
			out.write(("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>" + credentials + "</auth>")
				.getBytes(StandardCharsets.UTF_8));
			String answer = readUntil(in, "(<success[^>]*/>|</success>|</failure>)");
			Matcher outcome = Pattern.compile("<(success|failure)[\\s\\S]*").matcher(answer);
			assertThat(outcome.find()).as(answer).isTrue();
			return outcome.group();
		}
	}

	private static String readUntil(InputStream in, String regex) throws IOException {
		Pattern end = Pattern.compile(regex);
		StringBuilder received = new StringBuilder();
		byte[] buffer = new byte[4096];
		while (!end.matcher(received).find()) {
			int count = in.read(buffer);
			if (count < 0) {
				throw new IOException("Stream closed before " + regex + "; received " + received);
			}
			received.append(new String(buffer, 0, count, StandardCharsets.UTF_8));
		}
		return received.toString();
	}

	/** Fixture classes run only through {@link #run}, never on their own. */
	static final class OnlyThroughTheLauncher implements ExecutionCondition {

		@Override
		public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
			return context.getConfigurationParameter(FIXTURES).isPresent()
					? ConditionEvaluationResult.enabled("run by ProsodyExtensionTests")
					: ConditionEvaluationResult.disabled("a fixture of ProsodyExtensionTests");
		}

	}

	@ExtendWith(OnlyThroughTheLauncher.class)
	static class MissingProsodyFixture {

		@RegisterExtension
		static final ProsodyExtension prosody = ProsodyExtension
			.withOptions(ProsodyOptions.defaults().withExecutable(Path.of("/nonexistent/prosody")));

		@Test
		void neverRuns() {
		}

	}

	@ExtendWith(OnlyThroughTheLauncher.class)
	static class FailingTestFixture {

		@RegisterExtension
		static final ProsodyExtension prosody = ProsodyExtension.withUsers("alice");

		static ProsodyServer server;

		static long pid;

		@Test
		void fails(ProsodyServer prosodyServer) throws IOException {
			server = prosodyServer;
			pid = prosodyServer.pid();
			saslPlain(prosodyServer, "alice", "alice");
			assertThat(prosodyServer.componentDomain()).as("a deliberate failure").isEqualTo("something else");
		}

	}

	@ExtendWith(OnlyThroughTheLauncher.class)
	@WithProsody(users = "dave", componentDomain = "annotated.localhost", componentSecret = "annotated")
	static class AnnotatedFixture {

		static ProsodyServer server;

		@Test
		void injected(ProsodyServer prosodyServer) throws IOException {
			server = prosodyServer;
			assertThat(prosodyServer.isRunning()).isTrue();
			assertThat(prosodyServer.componentDomain()).isEqualTo("annotated.localhost");
			assertThat(prosodyServer.componentSecret()).isEqualTo("annotated");
			assertThat(saslPlain(prosodyServer, "dave", "dave")).startsWith("<success");
		}

	}

}
