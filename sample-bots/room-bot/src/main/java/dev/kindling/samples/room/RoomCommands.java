package dev.kindling.samples.room;

import java.security.SecureRandom;
import java.util.random.RandomGenerator;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import dev.kindling.handler.Arg;
import dev.kindling.handler.Command;
import dev.kindling.handler.MessageType;
import dev.kindling.muc.Nick;
import dev.kindling.muc.Occupant;
import dev.kindling.muc.OccupantEvent;
import dev.kindling.muc.OnOccupant;
import dev.kindling.muc.Room;

/**
 * What the bot does in its rooms: chat commands said in the room ({@code !help} lists them), and
 * one asked privately. History and the bot's own messages never reach these methods.
 */
@Component
class RoomCommands {

	private final RandomGenerator random = new SecureRandom();

	/** Someone joined one of the bot's rooms: the returned text is said in that room. */
	@OnOccupant(kind = OccupantEvent.Kind.JOINED)
	String greet(@Nick String nick) {
		return "Welcome, " + nick + "! Say !help to see what I can do.";
	}

	@Command(type = MessageType.GROUPCHAT, description = "Answers pong")
	String ping() {
		return "pong";
	}

	@Command(type = MessageType.GROUPCHAT, description = "Rolls a die for you")
	String roll(@Nick String nick, @Arg(description = "how many sides the die has") @Min(2) @Max(1_000_000) int sides) {
		return nick + " rolled " + (1 + this.random.nextInt(sides)) + " (d" + sides + ")";
	}

	@Command(type = MessageType.GROUPCHAT, description = "Changes the room's topic (moderators only)")
	@Nullable String topic(Room room, Occupant occupant, @Arg(description = "the new topic") String text) {
		if (!occupant.isModerator()) {
			return "Sorry " + occupant.nick() + ", only moderators may change the topic.";
		}
		room.changeSubject(text).exceptionally((ex) -> {
			room.send("I could not change the topic: " + ex.getMessage());
			return null;
		});
		return null;
	}

	/** Asked privately, through a room we share. */
	@Command(type = MessageType.CHAT, description = "Tells you who you are in the room we share")
	String whoami(@Nullable Room room, @Nullable Occupant occupant) {
		if (room == null || occupant == null) {
			return "Send me !whoami privately from a room we share.";
		}
		return "You are " + occupant.nick() + " in " + room.jid().getNode() + ": " + occupant.role().toXmpp() + ", "
				+ occupant.affiliation().toXmpp() + ".";
	}

}
