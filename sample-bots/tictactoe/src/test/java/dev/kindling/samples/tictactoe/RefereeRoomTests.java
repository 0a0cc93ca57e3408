package dev.kindling.samples.tictactoe;

import java.time.Duration;
import java.util.List;

import org.dom4j.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;
import org.xmpp.packet.Presence;

import dev.kindling.muc.MucRooms;
import dev.kindling.test.IqMatchers;
import dev.kindling.test.SentStanzas;
import dev.kindling.test.XmppTestHarness;
import dev.kindling.test.autoconfigure.XmppComponentTest;

import static dev.kindling.samples.tictactoe.Players.NS;
import static dev.kindling.samples.tictactoe.Players.bare;
import static dev.kindling.samples.tictactoe.Players.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A room per game, without a server: the harness plays the MUC service (the room's self-presence
 * and its answers to the owner's requests). The component is {@code bot.test}, so the rooms are on
 * {@code conference.test}.
 */
@XmppComponentTest(properties = { "toetem.store.enabled=false", "toetem.rooms.linger=200ms" })
@ImportReferee
class RefereeRoomTests {

	private static final String MUC_USER = "http://jabber.org/protocol/muc#user";

	private static final String MUC_OWNER = "http://jabber.org/protocol/muc#owner";

	@Autowired
	XmppTestHarness harness;

	@Autowired
	MucRooms muc;

	@Autowired
	ApplicationEventPublisher events;

	private Players players;

	@BeforeEach
	void players() {
		this.players = new Players(this.harness);
		this.harness.whenRequest(IqMatchers.namespace(MUC_OWNER)).thenResult();
	}

	@Test
	void aNewGameGetsARoomWhereBothPlayersAreInvitedAndEachEventIsPosted() {
		this.players.set(this.players.bob, "<join xmlns='" + NS + "'/>");
		SentStanzas started = this.players.set(this.players.alice,
				"<start xmlns='" + NS + "' opponent='" + bare(this.players.bob) + "'/>");
		Element game = result(started, this.players.alice);
		String id = game.attributeValue("id");
		String room = id + "@conference.test";
		assertThat(game.attributeValue("room")).isEqualTo(room);
		assertThat(started.messages()).allSatisfy((event) -> assertThat(Players.game(event).attributeValue("room")).isEqualTo(room));
		Presence join = started.presences().get(0);
		assertThat(join.getTo().toString()).isEqualTo(room + "/referee");
		// From the game's own address: the room's traffic reaches the replica that owns the game.
		assertThat(join.getFrom().toString()).isEqualTo(id + "@bot.test/referee");

		this.harness.clearSent();
		this.harness.send(selfPresence(room));

		List<Message> inRoom = await().atMost(Duration.ofSeconds(5))
			.until(() -> toRoom(room), (messages) -> messages.size() == 3);
		assertThat(inRoom.subList(0, 2)).extracting((invitation) -> invitation.getChildElement("x", MUC_USER)
			.element("invite")
			.attributeValue("to")).containsExactly(this.players.alice, this.players.bob);
		assertThat(inRoom.get(2).getType()).isEqualTo(Message.Type.groupchat);
		assertThat(inRoom.get(2).getBody()).contains(bare(this.players.alice) + " (X) to move");
		assertThat(this.harness.sent().iqs()).anySatisfy((unlock) -> {
			assertThat(unlock.getTo().toString()).isEqualTo(room);
			assertThat(unlock.getChildElement().getNamespaceURI()).isEqualTo(MUC_OWNER);
		});

		this.harness.clearSent();
		SentStanzas moved = this.players.move(this.players.alice, id, 4);

		Message posted = await().atMost(Duration.ofSeconds(5)).until(() -> toRoom(room), (messages) -> messages.size() == 1)
			.get(0);
		assertThat(posted.getType()).isEqualTo(Message.Type.groupchat);
		assertThat(posted.getBody()).isEqualTo(moved.messages().get(0).getBody()).endsWith("---\n-X-\n---");
		assertThat(this.players.state(id).attributeValue("room")).isEqualTo(room);
	}

	@Test
	void theRoomIsDestroyedAfterTheLingerTimeOnceTheGameEnds() {
		String id = this.players.start();
		String room = id + "@conference.test";
		this.harness.send(selfPresence(room));
		await().atMost(Duration.ofSeconds(5)).until(() -> this.muc.room(new JID(room)).map((r) -> r.isJoined()).orElse(false));
		this.harness.clearSent();

		this.players.set(this.players.bob, "<resign xmlns='" + NS + "' game='" + id + "'/>");

		IQ destroy = this.harness.awaitRequest((iq) -> iq.getTo().toString().equals(room)
				&& iq.getChildElement().element("destroy") != null);
		assertThat(destroy.getChildElement().getNamespaceURI()).isEqualTo(MUC_OWNER);
		assertThat(destroy.getChildElement().element("destroy").elementText("reason")).isEqualTo("Game " + id + " is over");
		assertThat(toRoom(room)).last().satisfies((summary) -> assertThat(summary.getBody()).contains("wins by resignation"));
		await().atMost(Duration.ofSeconds(5)).until(() -> this.players.state(id).attributeValue("room") == null);
	}

	@Test
	void aGameResumedAfterARestartGetsItsRoomBackAndThePlayersAreInvitedAgain() {
		Game game = new Game("g90", new JID(this.players.alice), new JID(this.players.bob), TicTacToe.newGame());
		String room = "g90@conference.test";

		this.events.publishEvent(new GamesResumedEvent(List.of(game)));
		this.harness.send(selfPresence(room));

		List<Message> inRoom = await().atMost(Duration.ofSeconds(5))
			.until(() -> toRoom(room), (messages) -> messages.size() == 2);
		assertThat(inRoom).extracting((invitation) -> invitation.getChildElement("x", MUC_USER)
			.element("invite")
			.attributeValue("to")).containsExactly(this.players.alice, this.players.bob);
	}

	@Test
	void aRoomThatCannotBeJoinedLeavesTheGameWithoutOne() {
		String id = this.players.start();
		String room = id + "@conference.test";
		Presence refused = new Presence(Presence.Type.error);
		refused.setFrom(new JID(id, "conference.test", "referee"));
		refused.setTo(new JID(null, "bot.test", "referee"));
		refused.setError(org.xmpp.packet.PacketError.Condition.forbidden);

		this.harness.send(refused);

		await().atMost(Duration.ofSeconds(5)).until(() -> this.players.state(id).attributeValue("room") == null);
		SentStanzas moved = this.players.move(this.players.alice, id, 4);
		assertThat(result(moved, this.players.alice).attributeValue("room")).isNull();
		assertThat(moved.messages()).extracting((event) -> event.getTo().toString())
			.containsExactly(this.players.alice, this.players.bob);
	}

	private List<Message> toRoom(String room) {
		return this.harness.sent().messages().stream().filter((message) -> message.getTo().toBareJID().equals(room)).toList();
	}

	/** What the MUC service sends when the referee created the room and is in it. */
	private static Presence selfPresence(String room) {
		Presence presence = new Presence();
		presence.setFrom(new JID(room + "/referee"));
		presence.setTo(new JID(null, "bot.test", "referee"));
		Element x = presence.addChildElement("x", MUC_USER);
		x.addElement("item").addAttribute("affiliation", "owner").addAttribute("role", "moderator");
		x.addElement("status").addAttribute("code", "201");
		x.addElement("status").addAttribute("code", "110");
		return presence;
	}

}
