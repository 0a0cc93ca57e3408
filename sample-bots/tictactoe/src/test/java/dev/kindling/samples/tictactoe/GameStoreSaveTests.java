package dev.kindling.samples.tictactoe;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.dom4j.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.xmpp.packet.IQ;
import org.xmpp.packet.Packet;
import org.xmpp.packet.PacketError.Condition;

import dev.kindling.test.SentStanzas;
import dev.kindling.test.Stanzas;
import dev.kindling.test.XmppTestHarness;
import dev.kindling.test.autoconfigure.XmppComponentTest;

import static dev.kindling.samples.tictactoe.Players.bare;
import static dev.kindling.samples.tictactoe.StoreScripts.GAMES;
import static dev.kindling.samples.tictactoe.StoreScripts.RESULTS;
import static dev.kindling.samples.tictactoe.StoreScripts.pubsub;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Saving through the pubsub store, without a server: what the referee publishes for each change,
 * that it is on the stream before the answer, and that failed saves are counted, not waited for.
 * The service's answers are scripted.
 */
@XmppComponentTest(properties = { "toetem.rooms.enabled=false", "toetem.store.load-retry=100ms",
		"xmpp.component.request-timeout=300ms" })
@ImportReferee
@Import(GameStoreSaveTests.Meters.class)
class GameStoreSaveTests {

	private static final String NS = Toetem.NAMESPACE;

	@Autowired
	XmppTestHarness harness;

	@Autowired
	GameReload reload;

	@Autowired
	MeterRegistry meters;

	@Autowired
	GameStore store;

	private final String tag = UUID.randomUUID().toString().substring(0, 8);

	private final String alice = "alice-" + this.tag + "@localhost/phone";

	private final String bob = "bob-" + this.tag + "@localhost/laptop";

	@BeforeEach
	void loaded() {
		StoreScripts.serve(this.harness, "", "");
		await().atMost(Duration.ofSeconds(5)).until(this.reload::isLoaded);
		this.harness.clearSent();
	}

	@Test
	void savesEveryChangeOnTheStreamBeforeTheAnswer() {
		set(this.bob, "<join xmlns='" + NS + "'/>");

		SentStanzas started = set(this.alice, "<start xmlns='" + NS + "' opponent='" + bare(this.bob) + "'/>");

		String id = answer(started, this.alice).getChildElement().attributeValue("id");
		IQ saved = single(started, pubsub("publish", GAMES), id);
		Element game = StoreScripts.payload(saved);
		assertThat(game.getNamespaceURI()).isEqualTo(NS);
		assertThat(game.attributeValue("x-jid")).isEqualTo(this.alice);
		assertThat(game.attributeValue("o-jid")).isEqualTo(this.bob);
		assertThat(game.attributeValue("board")).isEqualTo("---------");
		assertThat(game.attributeValue("status")).isEqualTo("playing");
		IQ counter = single(started, pubsub("publish", GAMES), GameItems.COUNTER_ITEM);
		assertThat(StoreScripts.payload(counter).attributeValue("last")).isEqualTo(id.substring(1));
		assertSentBeforeAnswerAndEvents(started, saved);

		SentStanzas moved = move(this.alice, id, 4);

		IQ move = single(moved, pubsub("publish", GAMES), id);
		assertThat(StoreScripts.payload(move).attributeValue("board")).isEqualTo("----X----");
		assertThat(StoreScripts.payload(move).attributeValue("turn")).isEqualTo("o");
		assertThat(moved.requests()).hasSize(1); // the counter only changes when a game starts
		assertSentBeforeAnswerAndEvents(moved, move);
	}

	@Test
	void keepsTheWaitingListOnTheService() {
		SentStanzas joined = set(this.bob, "<join xmlns='" + NS + "'/>");

		IQ waiting = single(joined, pubsub("publish", StoreScripts.WAITING), bare(this.bob));
		assertThat(StoreScripts.payload(waiting).getName()).isEqualTo("player");
		assertThat(StoreScripts.payload(waiting).attributeValue("jid")).isEqualTo(this.bob);
		assertSentBeforeAnswerAndEvents(joined, waiting);

		SentStanzas started = set(this.alice, "<start xmlns='" + NS + "' opponent='" + bare(this.bob) + "'/>");

		assertSentBeforeAnswerAndEvents(started, single(started, pubsub("retract", StoreScripts.WAITING), bare(this.bob)));
		set(this.alice, "<join xmlns='" + NS + "'/>");
		SentStanzas left = set(this.alice, "<leave xmlns='" + NS + "'/>");
		assertSentBeforeAnswerAndEvents(left, single(left, pubsub("retract", StoreScripts.WAITING), bare(this.alice)));
	}

	@Test
	void publishesTheResultAndRetractsTheEndedGame() {
		String id = start();
		move(this.alice, id, 0);
		move(this.bob, id, 3);
		move(this.alice, id, 1);
		move(this.bob, id, 4);

		SentStanzas won = move(this.alice, id, 2);

		IQ result = single(won, pubsub("publish", RESULTS), id);
		Element game = StoreScripts.payload(result);
		assertThat(game.attributeValue("status")).isEqualTo("x-won");
		assertThat(game.attributeValue("winner")).isEqualTo(bare(this.alice));
		assertThat(game.attributeValue("board")).isEqualTo("XXXOO----");
		assertThat(game.attributeValue("x-jid")).as("results name bare JIDs only").isNull();
		IQ retract = single(won, pubsub("retract", GAMES), id);
		assertThat(won.requests()).extracting(StoreScripts::itemId).containsExactly(id, id);
		assertThat(won.all().indexOf(result)).isLessThan(won.all().indexOf(retract));
		assertSentBeforeAnswerAndEvents(won, retract);
	}

	@Test
	void countsRefusedSavesAndStillAnswersTheMove() {
		String id = start();
		double before = failures("save");
		this.harness.whenRequest(pubsub("publish", GAMES)).thenError(Condition.internal_server_error);

		SentStanzas moved = move(this.alice, id, 4);

		assertThat(answer(moved, this.alice).getChildElement().attributeValue("board")).isEqualTo("----X----");
		await().atMost(Duration.ofSeconds(5)).until(() -> failures("save") == before + 1);
		assertThat(answer(move(this.bob, id, 0), this.bob).getChildElement().attributeValue("board"))
			.isEqualTo("O---X----");
		await().atMost(Duration.ofSeconds(5)).until(() -> failures("save") == before + 2);
	}

	@Test
	void doesNotWaitForTheServiceToAnswer() {
		String id = start();
		double results = failures("result");
		double retracts = failures("retract");
		this.harness.whenRequest(pubsub("publish", RESULTS)).thenNoAnswer();
		this.harness.whenRequest(pubsub("retract", GAMES)).thenNoAnswer();

		// Answered at once, while the service has not answered the saves yet.
		SentStanzas resigned = set(this.alice, "<resign xmlns='" + NS + "' game='" + id + "'/>");

		assertThat(answer(resigned, this.alice).getChildElement().attributeValue("status")).isEqualTo("o-won");
		assertThat(resigned.requests()).extracting(StoreScripts::itemId).containsExactly(id, id);
		assertThat(failures("result")).isEqualTo(results); // no answer yet: it times out later
		await().atMost(Duration.ofSeconds(5))
			.until(() -> failures("result") == results + 1 && failures("retract") == retracts + 1);
	}

	@Test
	void savesAgainAfterAReconnectWhatTheServiceDidNotConfirm() {
		String id = start();
		this.harness.whenRequest(pubsub("publish", GAMES)).thenNoAnswer();
		move(this.alice, id, 4);

		// The stream breaks before the service answered: that save is lost.
		this.harness.loseConnection();
		StoreScripts.serve(this.harness, "", "");
		this.harness.clearSent();
		this.harness.restoreConnection();

		IQ again = this.harness.awaitRequest(pubsub("publish", GAMES).and((iq) -> id.equals(StoreScripts.itemId(iq))));
		assertThat(StoreScripts.payload(again).attributeValue("board")).isEqualTo("----X----");
		PubSubGameStore store = (PubSubGameStore) this.store;
		await().atMost(Duration.ofSeconds(5)).until(() -> store.unconfirmed() == 0);

		// Once confirmed, nothing but the counter is saved again.
		this.harness.clearSent();
		this.harness.reconnect();
		assertThat(this.harness.sent().requests()).extracting(StoreScripts::itemId)
			.containsExactly(GameItems.COUNTER_ITEM);
	}

	private double failures(String operation) {
		return this.meters.counter(PubSubGameStore.FAILURES, "operation", operation).count();
	}

	/** The store's requests were written before the answer and before both players' events. */
	private static void assertSentBeforeAnswerAndEvents(SentStanzas sent, IQ lastSave) {
		List<Packet> all = sent.all();
		int saved = all.indexOf(lastSave);
		assertThat(saved).isGreaterThanOrEqualTo(0);
		for (Packet stanza : all) {
			if (!(stanza instanceof IQ iq && iq.isRequest())) {
				assertThat(all.indexOf(stanza)).as(sent.toString()).isGreaterThan(saved);
			}
		}
	}

	private static IQ single(SentStanzas sent, Predicate<IQ> matcher, String itemId) {
		List<IQ> found = sent.requests().stream()
			.filter(matcher.and((iq) -> itemId.equals(StoreScripts.itemId(iq))))
			.toList();
		assertThat(found).as(sent.toString()).hasSize(1);
		return found.get(0);
	}

	private static IQ answer(SentStanzas sent, String to) {
		IQ answer = sent.iqs().stream().filter((iq) -> !iq.isRequest()).findFirst().orElseThrow();
		assertThat(answer.getType()).as(answer.toXML()).isEqualTo(IQ.Type.result);
		assertThat(answer.getTo().toString()).isEqualTo(to);
		return answer;
	}

	private String start() {
		set(this.bob, "<join xmlns='" + NS + "'/>");
		return answer(set(this.alice, "<start xmlns='" + NS + "' opponent='" + bare(this.bob) + "'/>"), this.alice)
			.getChildElement().attributeValue("id");
	}

	private SentStanzas move(String player, String id, int cell) {
		return set(player, "<move xmlns='" + NS + "' game='" + id + "' cell='" + cell + "'/>");
	}

	private SentStanzas set(String from, String child) {
		return this.harness.send(Stanzas.iqSet(from, "bot.test", child));
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Meters {

		@Bean
		MeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

	}

}
