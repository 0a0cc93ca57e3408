package dev.kindling.test.autoconfigure.rooms;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.kindling.test.SimulatedRoom;
import dev.kindling.test.XmppTestHarness;
import dev.kindling.test.autoconfigure.XmppComponentTest;

import static org.assertj.core.api.Assertions.assertThat;

/** With {@code xmpp.muc.deliver-history=true}, the room's history reaches handlers like live talk. */
@XmppComponentTest(properties = { "xmpp.muc.rooms[0].jid=lobby@conference.localhost", "xmpp.muc.deliver-history=true" })
class RoomHistoryTests {

	@Autowired
	XmppTestHarness harness;

	@Test
	void historyReachesHandlers() {
		SimulatedRoom lobby = this.harness.room("lobby@conference.localhost");
		lobby.join("alice");

		assertThat(lobby.history("alice", "!echo earlier", Instant.parse("2026-01-01T10:00:00Z"))).singleMessage()
			.isGroupchat().hasBody("earlier");
	}

}
