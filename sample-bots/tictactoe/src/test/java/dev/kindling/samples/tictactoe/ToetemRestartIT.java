package dev.kindling.samples.tictactoe;

import java.time.Duration;
import java.util.List;

import org.jivesoftware.smackx.pubsub.Item;
import org.jivesoftware.smackx.pubsub.LeafNode;
import org.jivesoftware.smackx.pubsub.PubSubManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jxmpp.jid.impl.JidCreate;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.kindling.devserver.ProsodyServer;
import dev.kindling.pubsub.PubSubItem;
import dev.kindling.pubsub.PubSubTemplate;
import dev.kindling.test.ProsodyExtension;

import static dev.kindling.samples.tictactoe.ToetemClient.attribute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A referee restart loses no game, against a real Prosody: two Smack clients start a game and
 * play two moves, the referee's application is closed and a new one started against the same
 * server, and they finish the game; the result is on the results node for anyone to read. The
 * clients send the referee no presence, so only the restarts, not their sessions, matter here.
 */
class ToetemRestartIT {

	@RegisterExtension
	static final ProsodyExtension prosody = ProsodyExtension.withUsers("alice", "bob", "carol", "dave")
		.componentDomain("toetem.localhost");

	@Test
	void aRestartedRefereeResumesTheGameAndThePlayersFinishIt() throws Exception {
		ProsodyServer server = prosody.server();
		try (ToetemClient alice = ToetemClient.connect(server, "alice");
				ToetemClient bob = ToetemClient.connect(server, "bob")) {
			String id;
			try (ConfigurableApplicationContext referee = start(server)) {
				bob.request("join", "");
				id = attribute(alice.request("start", "opponent='bob@localhost'"), "id");
				assertBothSee(alice, bob, "---------");
				play(alice, bob, id, alice, 4, "----X----");
				play(alice, bob, id, bob, 0, "O---X----");
			}

			try (ConfigurableApplicationContext referee = start(server)) {
				String resumed = alice.state(id);
				assertThat(attribute(resumed, "board")).isEqualTo("O---X----");
				assertThat(attribute(resumed, "turn")).isEqualTo("x");
				play(alice, bob, id, alice, 2, "O-X-X----");
				play(alice, bob, id, bob, 1, "OOX-X----");
				String won = alice.request("move", "game='" + id + "' cell='6'");
				assertThat(attribute(won, "status")).isEqualTo("x-won");
				assertBothSee(alice, bob, "OOX-X-X--");

				PubSubTemplate pubsub = referee.getBean(PubSubTemplate.class);
				await().atMost(Duration.ofSeconds(5))
					.until(() -> pubsub.items("toetem/games").get().stream().noneMatch((item) -> item.id().equals(id)));
				List<PubSubItem> results = pubsub.items("toetem/results").get();
				assertThat(results).anySatisfy((item) -> {
					assertThat(item.id()).isEqualTo(id);
					assertThat(item.payload().attributeValue("status")).isEqualTo("x-won");
					assertThat(item.payload().attributeValue("winner")).isEqualTo("alice@localhost");
				});
			}
			// Anyone may read the results (the node is open): a feed or room bot would subscribe.
			LeafNode node = PubSubManager
				.getInstanceFor(bob.client().connection(), JidCreate.bareFrom(server.pubsubDomain()))
				.getLeafNode("toetem/results");
			List<Item> items = node.getItems();
			assertThat(items).anySatisfy((item) -> {
				assertThat(item.getId()).isEqualTo(id);
				assertThat(item.toXML().toString()).contains("status='x-won'", "board='OOX-X-X--'");
			});
		}
	}

	@Test
	void theServerKeepsTheGamesAcrossItsOwnRestart() throws Exception {
		ProsodyServer server = prosody.server();
		String id;
		try (ConfigurableApplicationContext referee = start(server);
				ToetemClient carol = ToetemClient.connect(server, "carol");
				ToetemClient dave = ToetemClient.connect(server, "dave")) {
			dave.request("join", "");
			id = attribute(carol.request("start", "opponent='dave@localhost'"), "id");
			assertBothSee(carol, dave, "---------");
			play(carol, dave, id, carol, 8, "--------X");
		}

		// Internal storage on disk: the nodes and their items survive Prosody's restart.
		server.restart();

		try (ConfigurableApplicationContext referee = start(server);
				ToetemClient carol = ToetemClient.connect(server, "carol");
				ToetemClient dave = ToetemClient.connect(server, "dave")) {
			assertThat(attribute(dave.state(id), "board")).isEqualTo("--------X");
			String resigned = dave.request("resign", "game='" + id + "'");
			assertThat(attribute(resigned, "status")).isEqualTo("x-won");
		}
	}

	/** The referee as deployed: the sample's application against the test's Prosody, once it has loaded its games. */
	private static ConfigurableApplicationContext start(ProsodyServer server) {
		// Arguments, not default properties: application.yaml would override those (it turns the dev server on).
		ConfigurableApplicationContext context = new SpringApplicationBuilder(ToetemApplication.class)
			.web(WebApplicationType.NONE)
			.run("--xmpp.dev-server.enabled=false", "--xmpp.component.host=" + server.host(),
					"--xmpp.component.port=" + server.componentPort(),
					"--xmpp.component.domain=" + server.componentDomain(),
					"--xmpp.component.secret=" + server.componentSecret(), "--spring.main.banner-mode=off");
		await().atMost(Duration.ofSeconds(10)).until(() -> context.getBean(GameReload.class).isLoaded());
		return context;
	}

	private static void play(ToetemClient x, ToetemClient o, String id, ToetemClient mover, int cell, String board) {
		String answer = mover.request("move", "game='" + id + "' cell='" + cell + "'");
		assertThat(attribute(answer, "board")).isEqualTo(board);
		assertBothSee(x, o, board);
	}

	/** Each player's next game event (past the room invitation: ToetemRoomsIT tests that). */
	private static void assertBothSee(ToetemClient x, ToetemClient o, String board) {
		for (ToetemClient player : new ToetemClient[] { x, o }) {
			assertThat(player.awaitEvent().getAttributeValue("board")).isEqualTo(board);
		}
	}

}
