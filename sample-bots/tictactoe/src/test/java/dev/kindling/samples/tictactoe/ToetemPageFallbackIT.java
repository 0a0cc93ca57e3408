package dev.kindling.samples.tictactoe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page when WebSocket does not work: the configured WebSocket endpoint is a closed port, so
 * the page logs in over the dev server's BOSH instead, and plays as usual.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ToetemPageFallbackIT {

	@RegisterExtension
	final BrowserSessions browsers = new BrowserSessions();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void brokenWebsocket(DynamicPropertyRegistry registry) {
		registry.add("toetem.web.websocket-url", () -> "ws://127.0.0.1:" + closedPort() + "/xmpp-websocket");
	}

	@Test
	void logsInOverBoshWhenWebsocketFails() {
		Browser alice = this.browsers.open("alice").open(page()).loginAs("alice@localhost");
		assertThat(alice.text(By.id("transport"))).isEqualTo("BOSH");
		alice.awaitText(By.id("log"), "WebSocket failed");

		// Still a working client: it reaches the referee and its waiting list.
		alice.click(By.id("join"));
		alice.awaitText(By.cssSelector("#waiting [data-jid='alice@localhost']"), "alice@localhost (you)");
		alice.click(By.id("leave"));
		alice.awaitText(By.id("waiting"), "Nobody is waiting");
	}

	private String page() {
		return "http://localhost:" + this.port + "/";
	}

	/** A loopback port nobody listens on (just released by the operating system). */
	private static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
