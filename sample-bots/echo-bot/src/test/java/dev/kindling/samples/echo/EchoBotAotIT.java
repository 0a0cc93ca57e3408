package dev.kindling.samples.echo;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.kindling.test.ProsodyExtension;
import dev.kindling.test.XmppTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The echo bot as sample-bots/Dockerfile starts it: from the code Spring AOT generated at build time
 * ({@code -Dspring.aot.enabled=true}), the dev server off, actuator on its own port, in its own JVM,
 * against a real Prosody. Handler discovery, the built-in answers and the health group must all
 * work from the generated bean definitions.
 */
class EchoBotAotIT {

	@RegisterExtension
	static final ProsodyExtension prosody = ProsodyExtension.withUsers("alice").componentDomain("echo.localhost");

	@TempDir
	Path scratch;

	Process bot;

	Path log;

	int managementPort;

	@BeforeEach
	void start() throws Exception {
		this.managementPort = freePort();
		this.log = this.scratch.resolve("bot.log");
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		this.bot = new ProcessBuilder(List.of(java, "-Xmx128m", "-Dspring.aot.enabled=true", "-cp",
				System.getProperty("java.class.path"), EchoBotApplication.class.getName(), "--server.port=0",
				"--management.server.port=" + this.managementPort, "--management.server.address=127.0.0.1",
				"--xmpp.component.host=" + prosody.server().host(),
				"--xmpp.component.port=" + prosody.server().componentPort(), "--xmpp.component.domain=echo.localhost",
				"--xmpp.component.secret=" + prosody.server().componentSecret()))
			.redirectErrorStream(true)
			.redirectOutput(this.log.toFile())
			.start();
		await().atMost(Duration.ofSeconds(60))
			.failFast("the bot exited", () -> !this.bot.isAlive())
			.until(() -> readinessStatus() == 200);
	}

	@AfterEach
	void stop() throws InterruptedException {
		this.bot.destroy();
		if (!this.bot.waitFor(20, TimeUnit.SECONDS)) {
			this.bot.destroyForcibly().waitFor();
		}
	}

	@Test
	void startsFromTheGeneratedCodeAndAnswersAsWithout() throws Exception {
		assertThat(Files.readString(this.log)).as("Spring Boot's line for an AOT-processed start")
			.contains("Starting AOT-processed EchoBotApplication");
		assertThat(readiness().body()).contains("\"xmpp\"").contains("\"domain\":\"echo.localhost\"");
		try (XmppTestClient alice = XmppTestClient.login(prosody.server(), "alice", "alice")) {
			String id = alice.sendChat("echo@echo.localhost", "Hello, AOT");
			Message echo = alice.awaitMessage();
			assertThat(echo.getBody()).isEqualTo("Hello, AOT");
			assertThat(echo.getStanzaId()).isEqualTo(id);

			alice.sendChat("dice@echo.localhost", "!roll 6");
			assertThat(alice.awaitMessage().getBody()).matches("rolled [1-6] \\(d6\\)");

			IQ info = alice.request(XmppTestClient.iq("echo.localhost", IQ.Type.get, "query",
					"http://jabber.org/protocol/disco#info"));
			assertThat(info.toXML().toString()).contains("urn:xmpp:ping").contains("jabber:iq:version");
			IQ pong = alice.request(XmppTestClient.iq("echo.localhost", IQ.Type.get, "ping", "urn:xmpp:ping"));
			assertThat(pong.getType()).isEqualTo(IQ.Type.result);
		}
	}

	/** The readiness group's status code, or -1 while the management port does not listen yet. */
	private int readinessStatus() throws InterruptedException {
		try {
			return readiness().statusCode();
		}
		catch (IOException ex) {
			return -1;
		}
	}

	private HttpResponse<String> readiness() throws IOException, InterruptedException {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.managementPort + "/actuator/health/readiness"))
				.timeout(Duration.ofSeconds(5))
				.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
