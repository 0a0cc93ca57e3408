package dev.kindling.muc;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.xmpp.packet.JID;

import dev.kindling.handler.HandlerDefinitionException;
import dev.kindling.handler.MessageType;
import dev.kindling.handler.OnMessage;
import dev.kindling.testsupport.TestRouting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RoomFilterCheckTests {

	private static final List<RoomSpec> LOBBY = List.of(new RoomSpec(new JID("lobby@conference.example.com"), "bot",
			new JID("bot.example.com"), false, null));

	@Test
	void aRoomFilterThatMisspellsAConfiguredRoomFailsStartupNamingTheHandlerAndTheRoom() {
		assertThatExceptionOfType(HandlerDefinitionException.class)
			.isThrownBy(() -> new RoomFilterCheck(LOBBY).check(TestRouting.registry(new Typo()).handlers()))
			.withMessageContaining("RoomFilterCheckTests.Typo.hello() takes messages from room 'loby'")
			.withMessageContaining("xmpp.muc.rooms: lobby, lobby@conference.example.com")
			.withMessageEndingWith("did you mean 'lobby'?");
	}

	@Test
	void roomsNamedByNameOrJidPass() {
		assertThatCode(() -> new RoomFilterCheck(LOBBY).check(TestRouting.registry(new Right()).handlers()))
			.doesNotThrowAnyException();
	}

	@Test
	void aRoomUnlikeAnyConfiguredOneOnlyWarnsForItMayBeJoinedAtRunTime() {
		Logger logger = (Logger) LoggerFactory.getLogger(RoomFilterCheck.class);
		ListAppender<ILoggingEvent> logged = new ListAppender<>();
		logged.start();
		logger.addAppender(logged);
		try {
			assertThatCode(() -> new RoomFilterCheck(LOBBY).check(TestRouting.registry(new Elsewhere()).handlers()))
				.doesNotThrowAnyException();
		}
		finally {
			logger.detachAppender(logged);
		}
		assertThat(logged.list).singleElement().extracting(ILoggingEvent::getFormattedMessage).asString()
			.contains("takes messages from room 'games'").contains("joins that room at run time");
	}

	@Test
	void distanceCountsLettersInsertedDeletedOrReplaced() {
		assertThat(RoomFilterCheck.distance("loby", "lobby")).isEqualTo(1);
		assertThat(RoomFilterCheck.distance("lobyy", "lobby")).isEqualTo(1);
		assertThat(RoomFilterCheck.distance("games", "lobby")).isEqualTo(5);
	}

	static class Elsewhere {

		@OnMessage(type = MessageType.GROUPCHAT, room = "games")
		void hello() {
		}

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
