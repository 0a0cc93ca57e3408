package dev.kindling.samples.room;

import java.security.SecureRandom;
import java.util.random.RandomGenerator;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.kindling.handler.Match;
import dev.kindling.handler.MessageType;
import dev.kindling.handler.OnMessage;
import dev.kindling.muc.Nick;
import dev.kindling.muc.Occupant;
import dev.kindling.muc.OccupantEvent;
import dev.kindling.muc.Room;

/** What the bot does in its rooms. History and its own messages never reach these methods. */
@Component
class RoomCommands {

	static final String HELP = "Commands: !ping, !roll N (an N-sided die), !topic <text> (moderators only), "
			+ "!help. Privately: !whoami.";

	private final RandomGenerator random = new SecureRandom();

	@EventListener
	void greet(OccupantEvent event) {
		if (event.getKind() == OccupantEvent.Kind.JOINED) {
			event.getRoom().send("Welcome, " + event.getOccupant().nick() + "! Say !help to see what I can do.");
		}
	}

	@OnMessage(type = MessageType.GROUPCHAT, body = "!ping")
	String ping() {
		return "pong";
	}

	@OnMessage(type = MessageType.GROUPCHAT, body = "!help")
	String help() {
		return HELP;
	}

	@OnMessage(type = MessageType.GROUPCHAT, body = "!roll (?<sides>\\d{1,6})")
	String roll(@Nick String nick, @Match("sides") int sides) {
		if (sides < 2) {
			return "A die needs at least 2 sides, " + nick + ".";
		}
		return nick + " rolled " + (1 + this.random.nextInt(sides)) + " (d" + sides + ")";
	}

	@OnMessage(type = MessageType.GROUPCHAT, body = "!topic (?<text>.+)")
	String topic(Room room, Occupant occupant, @Match("text") String text) {
		if (!occupant.isModerator()) {
			return "Sorry " + occupant.nick() + ", only moderators may change the topic.";
		}
		room.changeSubject(text).exceptionally((ex) -> {
			room.send("I could not change the topic: " + ex.getMessage());
			return null;
		});
		return null;
	}

	/** A private message to the bot through a room. */
	@OnMessage(type = MessageType.CHAT, body = "!whoami")
	String whoami(Room room, Occupant occupant) {
		if (room == null || occupant == null) {
			return "Send me !whoami privately from a room we share.";
		}
		return "You are " + occupant.nick() + " in " + room.jid().getNode() + ": " + occupant.role().toXmpp() + ", "
				+ occupant.affiliation().toXmpp() + ".";
	}

}
