package dev.kindling.samples.tictactoe;

import java.time.Duration;
import java.util.List;

import org.dom4j.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.xmpp.packet.IQ;
import org.xmpp.packet.Message;
import org.xmpp.packet.PacketError.Condition;

import dev.kindling.builtin.PingHandler;
import dev.kindling.disco.DiscoHandlers;
import dev.kindling.test.SentStanzas;
import dev.kindling.test.Stanzas;
import dev.kindling.test.XmppTestHarness;
import dev.kindling.test.autoconfigure.XmppComponentTest;

import static dev.kindling.samples.tictactoe.StoreScripts.GAMES;
import static dev.kindling.samples.tictactoe.StoreScripts.pubsub;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One replica of several ({@link GameAddresses#balanced()}), without a server: the lobby keeps no
 * game it starts but has it saved first and wakes its owner; a stanza for a game this replica does
 * not hold loads it from the store; the lists come from the store. The other replicas are the
 * store's scripted items (g41 and g42 were started elsewhere).
 */
@XmppComponentTest(properties = { "toetem.rooms.enabled=false", "toetem.store.load-retry=100ms",
		"xmpp.component.request-timeout=300ms" })
@Import({ ToetemConfiguration.class, ToetemStoreConfiguration.class, GameRegistry.class, GameDirectory.class,
		GameEvents.class, Spectators.class, GameRooms.class, Forfeits.class, GameLoader.class,
		RefereeBalancedTests.Balanced.class, GameStoreSaveTests.Meters.class })
class RefereeBalancedTests {

	private static final String NS = Toetem.NAMESPACE;

	private static final String DAVE = "dave@localhost/desk";

	private static final String ERIN = "erin@localhost/tablet";

	@Autowired
	XmppTestHarness harness;

	@Autowired
	GameReload reload;

	@Autowired
	GameRegistry registry;

	@BeforeEach
	void loaded() {
		StoreScripts.serve(this.harness,
				stored("g41", "X---O----", "x") + stored("g42", "X--------", "o")
						+ "<item id='counter'><counter xmlns='" + NS + "' last='42'/></item>",
				"", "<item id='frank@localhost'><player xmlns='" + NS + "' jid='frank@localhost/web' joined='5'/></item>");
		this.harness.whenRequest(DAVE, PingHandler.NAMESPACE).thenResult();
		this.harness.whenRequest(ERIN, PingHandler.NAMESPACE).thenResult();
		await().atMost(Duration.ofSeconds(5)).until(this.reload::isLoaded);
	}

	@Test
	void atEachConnectTheReplicaReleasesItsGamesWakesTheOwnersOfTheStoredOnesAndTakesBackTheWaitingList() {
		Message resume = new Message();
		resume.setFrom("bot.test");
		resume.setTo("g42@bot.test");
		resume.addChildElement(Toetem.RESUME, NS);
		this.harness.send(resume);
		await().atMost(Duration.ofSeconds(5)).until(() -> this.registry.find("g42") != null);
		this.harness.clearSent();

		// A reconnect may route other addresses here (the lobby's, other games'), and this one's elsewhere.
		this.harness.reconnect();

		List<Message> wakes = await().atMost(Duration.ofSeconds(5)).until(() -> this.harness.sent()
			.messages()
			.stream()
			.filter((message) -> message.getChildElement(Toetem.RESUME, NS) != null)
			.toList(), (found) -> found.size() >= 2);
		assertThat(wakes).extracting((wake) -> wake.getTo().toString()).contains("g41@bot.test", "g42@bot.test");
		assertThat(wakes).allSatisfy((wake) -> assertThat(wake.getFrom().toString()).isEqualTo("bot.test"));
		// Held again only once the server routes its address here (the harness routes nothing back).
		assertThat(this.registry.find("g42")).isNull();
		assertThat(discoItems("waiting")).extracting((item) -> item.attributeValue("jid")).contains("frank@localhost");
	}

	@Test
	void aStartedGameIsSavedAnnouncedFromItsAddressAndHandedToItsOwner() {
		set("bob-1@localhost/laptop", "bot.test", "<join xmlns='" + NS + "'/>");

		SentStanzas started = set("alice-1@localhost/phone", "bot.test",
				"<start xmlns='" + NS + "' opponent='bob-1@localhost'/>");

		IQ answer = started.answers().get(0);
		assertThat(answer.getType()).as(answer.toXML()).isEqualTo(IQ.Type.result);
		String id = answer.getChildElement().attributeValue("id");
		assertThat(GameItems.numberOf(id)).isGreaterThan(42);
		assertThat(answer.getChildElement().attributeValue("jid")).isEqualTo(id + "@bot.test");
		List<Message> events = started.messages().stream().filter(ToetemEvents::isEvent).toList();
		assertThat(events).extracting((event) -> event.getTo().toString())
			.containsExactly("alice-1@localhost/phone", "bob-1@localhost/laptop");
		assertThat(events).allSatisfy((event) -> assertThat(event.getFrom().toString()).isEqualTo(id + "@bot.test"));
		assertThat(started.messages()).anySatisfy((wake) -> {
			assertThat(wake.getTo().toString()).isEqualTo(id + "@bot.test");
			assertThat(wake.getChildElement(Toetem.RESUME, NS)).isNotNull();
		});
		List<Object> order = List.copyOf(started.all());
		IQ saved = started.requests().stream().filter(pubsub("publish", GAMES)).filter((iq) -> id.equals(StoreScripts.itemId(iq)))
			.findFirst().orElseThrow();
		assertThat(order.indexOf(saved)).isLessThan(order.indexOf(answer));
		// Its owner holds it, wherever the server routes its address; the lobby does not.
		assertThat(this.registry.find(id)).isNull();
	}

	@Test
	void aMoveForAGameNotHeldHereLoadsItFromTheStoreAndPingsItsPlayers() {
		SentStanzas moved = set(DAVE, "g41@bot.test", "<move xmlns='" + NS + "' cell='1'/>");

		IQ answer = moved.answers().get(0);
		assertThat(answer.getType()).as(answer.toXML()).isEqualTo(IQ.Type.result);
		assertThat(answer.getFrom().toString()).isEqualTo("g41@bot.test");
		assertThat(answer.getChildElement().attributeValue("board")).isEqualTo("XX--O----");
		assertThat(this.registry.find("g41")).isNotNull();
		// Resumed as after a restart: its players are pinged, from the game's address.
		IQ ping = this.harness.awaitRequest((iq) -> iq.getChildElement() != null
				&& PingHandler.NAMESPACE.equals(iq.getChildElement().getNamespaceURI()) && iq.getTo().toString().equals(ERIN));
		assertThat(ping.getFrom().toString()).isEqualTo("g41@bot.test");

		// Sent to the lobby, a game's request is redirected to the game's address.
		assertThat(set(ERIN, "bot.test", "<move xmlns='" + NS + "' game='g41' cell='2'/>")).singleIq().isError()
			.hasErrorCondition(Condition.redirect);
		assertThat(set(ERIN, "g41@bot.test", "<move xmlns='" + NS + "' game='g7' cell='2'/>")).singleIq().isError()
			.hasErrorCondition(Condition.bad_request);
		IQ unknown = set(ERIN, "g99@bot.test", "<move xmlns='" + NS + "' cell='2'/>").answers().get(0);
		assertThat(unknown.getError().getCondition()).isEqualTo(Condition.item_not_found);
	}

	@Test
	void theRefereesOwnResumeLoadsTheGameAndAnyoneElsesIsIgnored() {
		Message fromUser = new Message();
		fromUser.setFrom("mallory@localhost/x");
		fromUser.setTo("g42@bot.test");
		fromUser.addChildElement(Toetem.RESUME, NS);
		this.harness.send(fromUser);
		assertThat(this.registry.find("g42")).isNull();

		Message resume = fromUser.createCopy();
		resume.setFrom("bot.test");
		this.harness.send(resume);

		await().atMost(Duration.ofSeconds(5)).until(() -> this.registry.find("g42") != null);
	}

	@Test
	void theGameListIsTheStores() {
		discoItems(null);
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(discoItems(null)).anySatisfy((item) -> {
			assertThat(item.attributeValue("node")).isEqualTo("g42");
			assertThat(item.attributeValue("jid")).isEqualTo("g42@bot.test");
			assertThat(item.attributeValue("name")).isEqualTo("dave@localhost vs erin@localhost: playing");
		}));
	}

	private List<Element> discoItems(String node) {
		String query = "<query xmlns='" + DiscoHandlers.ITEMS + "'" + ((node != null) ? " node='" + node + "'" : "")
				+ "/>";
		IQ result = this.harness.send(Stanzas.iqGet("carol@localhost/web", "bot.test", query)).answers().get(0);
		assertThat(result.getType()).as(result.toXML()).isEqualTo(IQ.Type.result);
		return result.getChildElement().elements("item");
	}

	private SentStanzas set(String from, String to, String child) {
		return this.harness.send(Stanzas.iqSet(from, to, child));
	}

	private static String stored(String id, String board, String turn) {
		return "<item id='" + id + "'><game xmlns='" + NS + "' id='" + id + "' x='dave@localhost' o='erin@localhost' board='"
				+ board + "' status='playing' turn='" + turn + "' x-jid='" + DAVE + "' o-jid='" + ERIN + "'/></item>";
	}

	/** This process as one replica of several, without the framework's probing (the harness has no balancer). */
	@TestConfiguration(proxyBeanMethods = false)
	static class Balanced {

		@Bean
		GameAddresses gameAddresses() {
			return new GameAddresses("bot.test", true);
		}

	}

	private static final class ToetemEvents {

		static boolean isEvent(Message message) {
			return message.getChildElement("game", NS) != null;
		}

	}

}
