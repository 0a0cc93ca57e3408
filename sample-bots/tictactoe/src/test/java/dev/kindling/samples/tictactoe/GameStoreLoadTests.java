package dev.kindling.samples.tictactoe;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import org.dom4j.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.xmpp.packet.IQ;
import org.xmpp.packet.Message;
import org.xmpp.packet.PacketError;
import org.xmpp.packet.PacketError.Condition;

import dev.kindling.builtin.PingHandler;
import dev.kindling.test.SentStanzas;
import dev.kindling.test.Stanzas;
import dev.kindling.test.XmppTestHarness;
import dev.kindling.test.autoconfigure.XmppComponentTest;

import static dev.kindling.samples.tictactoe.StoreScripts.GAMES;
import static dev.kindling.samples.tictactoe.StoreScripts.pubsub;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Loading at start, without a server: game requests wait (a {@code wait} error) until the games are
 * back, a failed load is retried, and what the service kept is resumed: games still playing, the
 * id counter; an ended game whose retraction was lost is dropped, a broken item skipped. One
 * context, one load: the steps run in order in one test.
 */
@XmppComponentTest(properties = { "toetem.rooms.enabled=false", "toetem.store.load-retry=100ms",
		"xmpp.component.request-timeout=300ms" })
@ImportReferee
@Import(GameStoreSaveTests.Meters.class)
class GameStoreLoadTests {

	private static final String NS = Toetem.NAMESPACE;

	private static final String ALICE = "alice@localhost/phone";

	private static final String BOB = "bob@localhost/laptop";

	@Autowired
	XmppTestHarness harness;

	@Autowired
	GameReload reload;

	@Autowired
	MeterRegistry meters;

	@Autowired
	Forfeits forfeits;

	@Test
	void answersWaitUntilLoadedRetriesAFailedLoadAndResumesTheStoredGames() {
		// No answers scripted yet: the service does not answer, and each attempt times out.
		assertThat(this.reload.isLoaded()).isFalse();
		for (String request : new String[] { "<join xmlns='" + NS + "'/>", "<move xmlns='" + NS + "' game='g7' cell='1'/>" }) {
			assertThat(set(ALICE, request)).singleIq().isError().isTo(ALICE)
				.hasErrorCondition(Condition.resource_constraint).hasErrorType(PacketError.Type.wait);
		}
		// Other requests are answered meanwhile.
		assertThat(this.harness.send(Stanzas.iqGet(ALICE, "bot.test", "<ping xmlns='urn:xmpp:ping'/>"))).singleIq()
			.isResult();

		// The service refuses: counted, retried.
		double failedLoads = failures("load");
		this.harness.whenRequest(pubsub("create", GAMES)).thenResult();
		this.harness.whenRequest(pubsub("create", StoreScripts.RESULTS)).thenResult();
		this.harness.whenRequest(pubsub("items", GAMES)).thenError(Condition.internal_server_error);
		await().atMost(Duration.ofSeconds(5)).until(() -> failures("load") >= failedLoads + 2);
		assertThat(this.reload.isLoaded()).isFalse();

		// A restarted referee has heard no presence: it pings the players; bob's client is gone.
		this.harness.whenRequest(ALICE, PingHandler.NAMESPACE).thenResult();
		this.harness.whenRequest(BOB, PingHandler.NAMESPACE).thenError(Condition.service_unavailable);

		// Then it answers: g7 is playing, g8 ended (its retraction was lost), g5 is broken.
		double broken = failures("restore");
		StoreScripts.serve(this.harness,
				item("g7", "X---O----", "playing", "x") + item("g8", "XXXOO----", "playing", "o")
						+ item("g5", "XXXXXXXXX", "playing", "o") + "<item id='counter'><counter xmlns='" + NS
						+ "' last='9'/></item>",
				"<item id='g8'><game xmlns='" + NS + "' id='g8' status='x-won'/></item>",
				"<item id='erin@localhost'><player xmlns='" + NS + "' jid='erin@localhost/web' joined='2'/></item>"
						+ "<item id='frank@localhost'><player xmlns='" + NS + "' jid='frank@localhost/web' joined='1'/></item>");
		await().atMost(Duration.ofSeconds(5)).until(this.reload::isLoaded);

		assertThat(failures("restore")).isEqualTo(broken + 1);
		IQ retract = this.harness.awaitRequest(pubsub("retract", GAMES));
		assertThat(StoreScripts.itemId(retract)).isEqualTo("g8");
		assertThat(state("g8").getType()).isEqualTo(IQ.Type.error);
		assertThat(state("g5").getType()).isEqualTo(IQ.Type.error);
		assertThat(state("g7").getChildElement().attributeValue("board")).isEqualTo("X---O----");
		// The waiting list is back too, in the order the players joined.
		IQ waiting = this.harness.send(Stanzas.iqGet(ALICE, "bot.test",
				"<query xmlns='http://jabber.org/protocol/disco#items' node='waiting'/>")).answers().get(0);
		assertThat(waiting.getChildElement().elements("item")).extracting((item) -> item.attributeValue("jid"))
			.containsExactly("frank@localhost", "erin@localhost");

		// Bob's forfeit is pending (the grace is 30 s) until a client of his says it is back.
		await().atMost(Duration.ofSeconds(5)).until(() -> this.forfeits.pending() == 1);
		this.harness.send(Stanzas.presence("bob@localhost/laptop", "bot.test"));
		assertThat(this.forfeits.pending()).isZero();

		// The players carry on where they were; events reach the full JIDs they played from.
		SentStanzas moved = set(ALICE, "<move xmlns='" + NS + "' game='g7' cell='1'/>");
		assertThat(moved.iqs().stream().filter((iq) -> !iq.isRequest()).findFirst().orElseThrow().getChildElement()
			.attributeValue("board")).isEqualTo("XX--O----");
		assertThat(moved.messages()).extracting((event) -> event.getTo().toString()).containsExactly(ALICE, BOB);
		assertThat(moved.messages()).extracting(Message::getBody).allSatisfy((body) -> assertThat(body).contains("(O) to move"));
		assertThat(set(ALICE, "<move xmlns='" + NS + "' game='g7' cell='2'/>")).singleIq().isError()
			.hasErrorCondition(Condition.not_allowed);

		// New games continue the counter.
		set("carol@localhost/tablet", "<join xmlns='" + NS + "'/>");
		SentStanzas started = set("dave@localhost/desk", "<start xmlns='" + NS + "' opponent='carol@localhost'/>");
		assertThat(started.iqs().stream().filter((iq) -> !iq.isRequest()).findFirst().orElseThrow().getChildElement()
			.attributeValue("id")).isEqualTo("g10");
	}

	private static String item(String id, String board, String status, String turn) {
		return "<item id='" + id + "'><game xmlns='" + NS + "' id='" + id + "' x='alice@localhost' o='bob@localhost' board='"
				+ board + "' status='" + status + "' turn='" + turn + "' x-jid='" + ALICE + "' o-jid='" + BOB + "'/></item>";
	}

	private IQ state(String id) {
		// answers(): the resume pings to the players may be written while this request is handled.
		return this.harness.send(Stanzas.iqGet(ALICE, "bot.test", "<game xmlns='" + NS + "' id='" + id + "'/>")).answers()
			.get(0);
	}

	private double failures(String operation) {
		return this.meters.counter(PubSubGameStore.FAILURES, "operation", operation).count();
	}

	private SentStanzas set(String from, String child) {
		return this.harness.send(Stanzas.iqSet(from, "bot.test", child));
	}

}
