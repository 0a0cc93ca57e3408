package dev.kindling.test.autoconfigure.rooms;

import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.xmpp.packet.JID;
import org.xmpp.packet.Presence;

import dev.kindling.muc.Affiliation;
import dev.kindling.muc.MucRooms;
import dev.kindling.muc.Occupant;
import dev.kindling.muc.OccupantEvent;
import dev.kindling.muc.Role;
import dev.kindling.muc.Room;
import dev.kindling.muc.RoomSpec;
import dev.kindling.test.SentStanzas;
import dev.kindling.test.SimulatedRoom;
import dev.kindling.test.Stanzas;
import dev.kindling.test.XmppTestHarness;
import dev.kindling.test.autoconfigure.XmppComponentTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The harness's rooms drive the real MUC support: its Room view, its events and its filtering. */
@XmppComponentTest(properties = { "xmpp.muc.rooms[0].jid=lobby@conference.localhost", "xmpp.muc.nick=Referee" })
class SimulatedRoomTests {

	private static final JID LOBBY = new JID("lobby@conference.localhost");

	@Autowired
	XmppTestHarness harness;

	@Autowired
	MucRooms rooms;

	@Autowired
	LobbyHandlers handlers;

	SimulatedRoom lobby;

	@BeforeEach
	void lobby() {
		this.handlers.events.clear();
		this.lobby = this.harness.room("lobby@conference.localhost");
	}

	private Room room() {
		return this.rooms.room(LOBBY).orElseThrow();
	}

	@Test
	void joinAnswersTheBotsJoinAsARoomDoes() {
		assertThat(this.lobby.botNick()).isEqualTo("Referee");
		assertThat(this.lobby.botJid()).isEqualTo("bot.test/Referee");
		assertThat(room().isJoined()).isFalse();

		SentStanzas sent = this.lobby.join("alice", "bob");

		assertThat(sent).isEmpty();
		assertThat(room().isJoined()).isTrue();
		assertThat(room().occupants()).extracting(Occupant::nick).containsExactlyInAnyOrder("alice", "bob", "Referee");
		assertThat(room().self()).hasValueSatisfying((self) -> assertThat(self.role()).isEqualTo(Role.PARTICIPANT));
		assertThat(this.handlers.events).as("occupants already there are not newcomers").isEmpty();
		assertThat(this.lobby.occupants()).containsExactly("alice", "bob");
	}

	@Test
	void joinAsModerator() {
		this.lobby.join(Role.MODERATOR);

		assertThat(room().self()).hasValueSatisfying((self) -> {
			assertThat(self.role()).isEqualTo(Role.MODERATOR);
			assertThat(self.affiliation()).isEqualTo(Affiliation.OWNER);
		});
	}

	@Test
	void aRoomNotJoinedIsSilent() {
		assertThat(this.harness.send(Stanzas.groupchat("lobby@conference.localhost/alice", "bot.test/Referee", "!ping")))
			.as("the bot is not in the room yet, so its groupchat is dropped").isEmpty();
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> this.lobby.message("alice", "!ping"))
			.withMessageContaining("call join() first");
	}

	@Test
	void occupantsTalk() {
		this.lobby.join("alice");

		assertThat(this.lobby.message("alice", "!ping")).singleMessage()
			.isGroupchat().isFrom("bot.test/Referee").isTo("lobby@conference.localhost").hasBody("pong");
		assertThat(this.lobby.message("alice", "!role")).singleMessage().hasBody("alice is PARTICIPANT/NONE");
	}

	@Test
	void theBotsOwnReflectionIsNotHandled() {
		this.lobby.join("alice");

		assertThat(this.lobby.message("Referee", "!ping")).isEmpty();
	}

	@Test
	void occupantsArrive() {
		this.lobby.join("alice");

		assertThat(this.lobby.arrive("carol")).singleMessage().isGroupchat().hasBody("Welcome, carol!");
		assertThat(this.lobby.arrive("dave", "dave@localhost/phone", Role.VISITOR, Affiliation.MEMBER)).singleMessage()
			.hasBody("Welcome, dave!");

		assertThat(this.handlers.events).extracting(OccupantEvent::getKind)
			.containsExactly(OccupantEvent.Kind.JOINED, OccupantEvent.Kind.JOINED);
		assertThat(room().occupant("dave")).hasValue(
				new Occupant(LOBBY, "dave", new JID("dave@localhost/phone"), Role.VISITOR, Affiliation.MEMBER));
		assertThat(this.lobby.message("alice", "!who")).singleMessage().hasBody("Referee,alice,carol,dave");
	}

	@Test
	void occupantsLeave() {
		this.lobby.join("alice", "bob");

		assertThat(this.lobby.leave("alice")).singleMessage().hasBody("Bye, alice");

		assertThat(this.handlers.events).singleElement().satisfies((event) -> {
			assertThat(event.getKind()).isEqualTo(OccupantEvent.Kind.LEFT);
			assertThat(event.getOccupant().nick()).isEqualTo("alice");
		});
		assertThat(room().occupant("alice")).isEmpty();
		assertThat(this.lobby.occupants()).containsExactly("bob");
	}

	@Test
	void occupantsChangeRole() {
		this.lobby.join("alice");

		assertThat(this.lobby.changeRole("alice", Role.MODERATOR)).singleMessage().hasBody("alice is now MODERATOR");

		assertThat(this.handlers.events).singleElement().satisfies((event) -> {
			assertThat(event.getKind()).isEqualTo(OccupantEvent.Kind.ROLE_CHANGED);
			assertThat(event.getPrevious()).isNotNull();
			assertThat(event.getPrevious().role()).isEqualTo(Role.PARTICIPANT);
		});
		assertThat(this.lobby.message("alice", "!role")).singleMessage().hasBody("alice is MODERATOR/NONE");
	}

	@Test
	void occupantsChangeNick() {
		this.lobby.join("alice");

		assertThat(this.lobby.changeNick("alice", "alicia")).isEmpty();

		assertThat(this.handlers.events).singleElement().satisfies((event) -> {
			assertThat(event.getKind()).isEqualTo(OccupantEvent.Kind.NICK_CHANGED);
			assertThat(event.getOccupant().nick()).isEqualTo("alicia");
			assertThat(event.getPrevious().nick()).isEqualTo("alice");
		});
		assertThat(room().occupants()).extracting(Occupant::nick).containsExactlyInAnyOrder("alicia", "Referee");
	}

	@Test
	void historyDoesNotReachHandlers() {
		this.lobby.join("alice");

		assertThat(this.lobby.history("alice", "!ping", Instant.parse("2026-01-01T10:00:00Z"))).isEmpty();
	}

	@Test
	void occupantsWritePrivately() {
		this.lobby.join("alice");

		assertThat(this.lobby.privateMessage("alice", "!whoami")).singleMessage()
			.isChat().isTo("lobby@conference.localhost/alice").hasBody("you are alice");
	}

	@Test
	void occupantsChangeTheSubject() {
		this.lobby.join("alice");

		assertThat(this.lobby.changeSubject("alice", "Tournament at 8")).isEmpty();

		assertThat(room().subject()).hasValue("Tournament at 8");
	}

	@Test
	void eachTestStartsOutsideTheRoom() {
		this.lobby.join("alice");
		this.lobby.arrive("bob");

		this.harness.reset();

		assertThat(room().isJoined()).isFalse();
		assertThat(room().occupants()).isEmpty();
		assertThat(this.harness.sent()).as("leaving the room sends nothing").isEmpty();
		this.lobby.join("carol");
		assertThat(room().occupants()).extracting(Occupant::nick).containsExactlyInAnyOrder("carol", "Referee");
	}

	@Test
	void aReconnectRejoins() {
		this.lobby.join("alice");

		this.harness.reconnect();

		assertThat(this.harness.sent().presences()).singleElement().satisfies((join) -> {
			assertThat(join.getTo()).isEqualTo(new JID("lobby@conference.localhost/Referee"));
			assertThat(join.getChildElement("x", "http://jabber.org/protocol/muc")).isNotNull();
		});
		assertThat(this.lobby.isJoined()).isFalse();
		assertThat(room().isJoined()).isFalse();
		this.lobby.join("dave");
		assertThat(room().occupants()).extracting(Occupant::nick).containsExactlyInAnyOrder("dave", "Referee");
	}

	@Test
	void aRoomTheBotNeverAskedToJoin() {
		SimulatedRoom other = this.harness.room("other@conference.localhost");

		assertThatExceptionOfType(AssertionError.class).isThrownBy(other::join)
			.withMessageContaining("has not asked to join other@conference.localhost")
			.withMessageContaining("xmpp.muc.rooms[0].jid=other@conference.localhost");
	}

	@Test
	void theBotLeaving() {
		this.lobby.join("alice");
		RoomSpec spec = room().spec();

		this.rooms.leave(LOBBY);
		this.harness.awaitIdle();

		assertThat(this.harness.sent().presences()).singleElement()
			.satisfies((leave) -> assertThat(leave.getType()).isEqualTo(Presence.Type.unavailable));
		assertThat(this.lobby.isJoined()).isFalse();
		this.rooms.join(spec);         // wanted again, for the other tests of this context
		this.harness.awaitIdle();
		assertThat(this.lobby.join().presences()).isEmpty();
	}

}
