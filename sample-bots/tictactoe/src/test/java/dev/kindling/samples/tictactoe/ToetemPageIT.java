package dev.kindling.samples.tictactoe;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.kindling.connection.ComponentConnection;
import dev.kindling.connection.ConnectionState;
import dev.kindling.devserver.ProsodyServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The page as a newcomer uses it: the application with the dev server on (a real Prosody), and
 * headless Chromium sessions that log in as the demo users through Strophe.js and play by clicking.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ToetemPageIT {

	@RegisterExtension
	final BrowserSessions browsers = new BrowserSessions();

	@LocalServerPort
	int port;

	@Autowired
	ProsodyServer devServer;

	@Autowired
	ComponentConnection connection;

	@BeforeEach
	void connected() {
		await().atMost(Duration.ofSeconds(10)).until(() -> this.connection.getState() == ConnectionState.CONNECTED);
	}

	@Test
	void configOffersTheDevServersEndpointsAndDemoAccounts() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(page() + "toetem/config")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode config = JsonMapper.builder().build().readTree(response.body());
		assertThat(config.get("websocketUrl").asString()).isEqualTo(this.devServer.websocketUrl());
		assertThat(config.get("boshUrl").asString()).isEqualTo(this.devServer.boshUrl());
		assertThat(config.get("domain").asString()).isEqualTo("localhost");
		assertThat(config.get("referee").asString()).isEqualTo("toetem.localhost");
		assertThat(config.get("demoAccounts").findValuesAsString("jid")).containsExactly("alice@localhost",
				"bob@localhost", "carol@localhost");
		assertThat(config.get("demoAccounts").findValuesAsString("password")).containsExactly("alice", "bob", "carol");
	}

	@Test
	void twoBrowsersPlayAFullGameToAWin() {
		List<Browser> browsers = this.browsers.open("alice", "bob");
		Browser alice = browsers.get(0).open(page()).loginAs("alice@localhost");
		Browser bob = browsers.get(1).open(page()).loginAs("bob@localhost");
		String id = startGame(alice, bob);

		// Alice (X) takes the centre; Bob sees it live and may not take the same cell.
		alice.play(4);
		bob.awaitMark(4, "X");
		assertThat(bob.enabled(Browser.cell(4))).isFalse();
		bob.awaitText(By.id("turn"), "Your move (O)");
		assertThat(alice.text(By.id("turn"))).isEqualTo("bob@localhost (O) to move");
		assertThat(alice.enabled(Browser.cell(0))).as("not Alice's turn").isFalse();

		bob.play(0);
		alice.awaitMark(0, "O");
		alice.play(2);
		bob.awaitMark(2, "X");
		bob.play(1);
		alice.awaitMark(1, "O");
		alice.play(6);

		for (Browser player : new Browser[] { alice, bob }) {
			player.awaitAttribute(By.id("game"), "data-status", "x-won");
			assertThat(player.text(By.id("result"))).isEqualTo("alice@localhost (X) wins");
			assertThat(player.text(By.id("game-id"))).isEqualTo(id);
			// The moves went to the game's own address, which every answer and event carries.
			assertThat(player.awaitAttribute(By.id("game"), "data-jid")).isEqualTo(id + "@toetem.localhost");
			for (int cell = 0; cell < 9; cell++) {
				assertThat(player.enabled(Browser.cell(cell))).as("cell %d after the game", cell).isFalse();
			}
		}
		bob.awaitMark(6, "X");
		assertThat(alice.awaitAttribute(By.id("game"), "data-outcome")).isEqualTo("won");
		assertThat(bob.awaitAttribute(By.id("game"), "data-outcome")).isEqualTo("lost");
	}

	/**
	 * Needs the referee's {@code watch} request (the plan's protocol addition). Carol logs in over
	 * BOSH, so both transports are covered.
	 */
	@Test
	void aThirdBrowserWatchesTheGameLive() {
		List<Browser> browsers = this.browsers.open("alice", "bob", "carol");
		Browser alice = browsers.get(0).open(page()).loginAs("alice@localhost");
		Browser bob = browsers.get(1).open(page()).loginAs("bob@localhost");
		Browser carol = browsers.get(2).open(page() + "?transport=bosh").loginAs("carol@localhost");
		assertThat(carol.text(By.id("transport"))).isEqualTo("BOSH");
		String id = startGame(alice, bob);
		alice.play(4);
		bob.awaitMark(4, "X");

		carol.click(By.cssSelector("#games [data-watch='" + id + "']"));
		carol.awaitAttribute(By.id("game"), "data-game", id);
		carol.awaitAttribute(By.id("game"), "data-role", "spectator");
		carol.awaitAttribute(By.id("game"), "data-jid", id + "@toetem.localhost");
		carol.awaitMark(4, "X");

		bob.play(0);
		carol.awaitMark(0, "O");
		alice.play(2);
		carol.awaitMark(2, "X");
		bob.play(1);
		carol.awaitMark(1, "O");
		alice.play(6);
		carol.awaitMark(6, "X");
		carol.awaitAttribute(By.id("game"), "data-status", "x-won");
		assertThat(carol.text(By.id("result"))).isEqualTo("alice@localhost (X) wins");
		for (int cell = 0; cell < 9; cell++) {
			assertThat(carol.enabled(Browser.cell(cell))).as("a spectator's cell %d", cell).isFalse();
		}
	}

	/** Bob joins the waiting list, Alice sees him there and starts a game: both boards show it. */
	private static String startGame(Browser alice, Browser bob) {
		bob.click(By.id("join"));
		bob.awaitText(By.cssSelector("#waiting [data-jid='bob@localhost']"), "bob@localhost (you)");
		alice.click(By.cssSelector("#waiting [data-opponent='bob@localhost']"));
		String id = alice.awaitAttribute(By.id("game"), "data-game");
		bob.awaitAttribute(By.id("game"), "data-game", id);
		for (Browser player : new Browser[] { alice, bob }) {
			player.awaitAttribute(By.id("game"), "data-status", "playing");
		}
		assertThat(alice.text(By.id("role"))).isEqualTo("(you play X)");
		assertThat(bob.text(By.id("role"))).isEqualTo("(you play O)");
		alice.awaitText(By.id("turn"), "Your move (X)");
		return id;
	}

	private String page() {
		return "http://localhost:" + this.port + "/";
	}

}
