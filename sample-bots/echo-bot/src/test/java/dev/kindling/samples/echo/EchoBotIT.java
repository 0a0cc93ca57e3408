package dev.kindling.samples.echo;

import java.time.Duration;

import org.jivesoftware.smack.packet.Message;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

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
@SpringBootTest
class EchoBotIT {

	@Autowired
	ProsodyServer devServer;

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
			assertThat(alice.awaitMessage().getBody()).isEqualTo("A die needs at least 2 sides.");
		}
	}

}
