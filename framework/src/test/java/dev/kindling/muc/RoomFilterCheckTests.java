package dev.kindling.muc;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.xmpp.packet.JID;

import dev.kindling.handler.HandlerDefinitionException;
import dev.kindling.handler.MessageType;
import dev.kindling.handler.OnMessage;
import dev.kindling.testsupport.TestRouting;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RoomFilterCheckTests {

	private static final List<RoomSpec> LOBBY = List.of(new RoomSpec(new JID("lobby@conference.example.com"), "bot",
			new JID("bot.example.com"), false, null));

	@Test
	void aRoomFilterThatNamesNoConfiguredRoomFailsStartupNamingTheHandlerAndTheRooms() {
		assertThatExceptionOfType(HandlerDefinitionException.class)
			.isThrownBy(() -> new RoomFilterCheck(LOBBY, false).check(TestRouting.registry(new Typo()).handlers()))
			.withMessageContaining("Typo.hello() takes messages from room 'loby'")
			.withMessageContaining("xmpp.muc.rooms: lobby, lobby@conference.example.com");
	}

	@Test
	void roomsNamedByNameOrJidPass() {
		assertThatCode(() -> new RoomFilterCheck(LOBBY, false).check(TestRouting.registry(new Right()).handlers()))
			.doesNotThrowAnyException();
	}

	@Test
	void aBotThatAcceptsInvitationsOnlyWarns() {
		assertThatCode(() -> new RoomFilterCheck(LOBBY, true).check(TestRouting.registry(new Typo()).handlers()))
			.doesNotThrowAnyException();
	}

	static class Typo {

		@OnMessage(type = MessageType.GROUPCHAT, room = "loby")
		void hello() {
		}

	}

	static class Right {

		@OnMessage(type = MessageType.GROUPCHAT, room = "lobby")
		void byName() {
		}

		@OnMessage(type = MessageType.CHAT, room = "lobby@conference.example.com")
		void byJid() {
		}

	}

}
