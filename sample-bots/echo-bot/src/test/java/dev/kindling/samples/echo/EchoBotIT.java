package dev.kindling.samples.echo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.jivesoftware.smack.packet.Message;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.kindling.connection.ComponentConnection;
import dev.kindling.connection.ConnectionState;
import dev.kindling.devserver.ProsodyServer;
import dev.kindling.test.XmppTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sample as a newcomer runs it: on the dev server (a real Prosody started by the application),
 * talked to by a real client logged in as a demo user.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class EchoBotIT {

	@Autowired
	ProsodyServer devServer;

	@LocalServerPort
	int port;

	@Autowired
	ComponentConnection connection;

	@BeforeEach
	void connected() {
		await().atMost(Duration.ofSeconds(10)).until(() -> this.connection.getState() == ConnectionState.CONNECTED);
	}

	@Test
	void echoesChatAndRollsDice() {
		try (XmppTestClient alice = XmppTestClient.login(this.devServer, "alice", "alice")) {
			String id = alice.sendChat("echo@echo.localhost", "Hello, Kindling");
			Message echo = alice.awaitMessage();
			assertThat(echo.getBody()).isEqualTo("Hello, Kindling");
			assertThat(echo.getStanzaId()).isEqualTo(id);

			alice.sendChat("dice@echo.localhost", "!roll 6");
			assertThat(alice.awaitMessage().getBody()).matches("rolled [1-6] \\(d6\\)");

			alice.sendChat("dice@echo.localhost", "!roll 1");
			assertThat(alice.awaitMessage().getBody()).isEqualTo("sides must be greater than or equal to 2");
		}
	}

	@Test
	void servesHealthAndPrometheusMetrics() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		HttpResponse<String> health = http.send(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/actuator/health/readiness")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"xmpp\"").contains("\"domain\":\"echo.localhost\"");

		HttpResponse<String> metrics = http.send(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/actuator/prometheus")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(metrics.statusCode()).isEqualTo(200);
		assertThat(metrics.body()).contains("xmpp_connection_state{state=\"connected\"} 1");
	}

}
