package dev.kindling.test.autoconfigure.docs.room;

// tag::test[]
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.kindling.test.SimulatedRoom;
import dev.kindling.test.XmppTestHarness;
import dev.kindling.test.autoconfigure.XmppComponentTest;

import static org.assertj.core.api.Assertions.assertThat;

@XmppComponentTest(properties = "xmpp.muc.rooms[0].jid=lobby@conference.localhost")
class RoomCommandTests {

	@Autowired
	XmppTestHarness harness;

	SimulatedRoom lobby;

	@BeforeEach
	void joinTheLobby() {
		lobby = harness.room("lobby@conference.localhost");
		lobby.join("alice");                     // answers the bot's join; alice is already there
	}

	@Test
	void answersPingInTheRoom() {
		assertThat(lobby.message("alice", "!ping")).singleMessage()
			.isGroupchat().isTo("lobby@conference.localhost").hasBody("pong");
	}

	@Test
	void welcomesNewcomers() {
		assertThat(lobby.arrive("bob")).singleMessage().isGroupchat().hasBody("Welcome, bob!");
	}

	@Test
	void leavesHistoryAlone() {
		assertThat(lobby.history("alice", "!ping", Instant.parse("2026-01-01T10:00:00Z"))).isEmpty();
	}
}
// end::test[]
