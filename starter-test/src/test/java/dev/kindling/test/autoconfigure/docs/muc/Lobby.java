package dev.kindling.test.autoconfigure.docs.muc;

// tag::lobby[]
import org.springframework.stereotype.Component;

import dev.kindling.handler.Match;
import dev.kindling.handler.MessageType;
import dev.kindling.handler.OnMessage;
import dev.kindling.muc.Nick;
import dev.kindling.muc.Occupant;
import dev.kindling.muc.OccupantEvent;
import dev.kindling.muc.OnOccupant;
import dev.kindling.muc.Room;

@Component
class Lobby {

	@OnMessage(type = MessageType.GROUPCHAT, body = "!ping")
	String ping() { return "pong"; }                        // a String reply goes to the room

	@OnMessage(type = MessageType.GROUPCHAT, room = "lobby", body = "!topic (?<text>.+)")
	String topic(Room room, Occupant occupant, @Match("text") String text) {
		if (!occupant.isModerator()) {
			return "Sorry " + occupant.nick() + ", only moderators may change the topic.";
		}
		room.changeSubject(text);
		return null;
	}

	@OnMessage(type = MessageType.CHAT, room = "lobby", body = "!whoami")   // private, through the room
	String whoami(@Nick String nick) { return "you are " + nick; }

	@OnOccupant(kind = OccupantEvent.Kind.JOINED, room = "lobby")
	String greet(@Nick String nick) { return "Welcome, " + nick + "!"; }    // said in the room
}
// end::lobby[]
