package dev.kindling.test.autoconfigure.rooms;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.kindling.handler.Match;
import dev.kindling.handler.MessageType;
import dev.kindling.handler.OnMessage;
import dev.kindling.muc.Nick;
import dev.kindling.muc.Occupant;
import dev.kindling.muc.OccupantEvent;
import dev.kindling.muc.Room;

/** A room bot: commands in the room and in private, and what it saw of the occupants. */
@Component
class LobbyHandlers {

	final List<OccupantEvent> events = new CopyOnWriteArrayList<>();

	@OnMessage(type = MessageType.GROUPCHAT, room = "lobby", body = "!ping")
	String ping() {
		return "pong";
	}

	@OnMessage(type = MessageType.GROUPCHAT, room = "lobby", body = "!who")
	String who(Room room) {
		return String.join(",", room.occupants().stream().map(Occupant::nick).sorted().toList());
	}

	@OnMessage(type = MessageType.GROUPCHAT, room = "lobby", body = "!role")
	String role(Occupant occupant) {
		return occupant.nick() + " is " + occupant.role() + "/" + occupant.affiliation();
	}

	@OnMessage(type = MessageType.GROUPCHAT, room = "lobby", body = "!echo (?<text>.+)")
	String echo(@Match("text") String text) {
		return text;
	}

	@OnMessage(type = MessageType.CHAT, room = "lobby", body = "!whoami")
	String whoami(@Nick String nick) {
		return "you are " + nick;
	}

	@EventListener
	void occupant(OccupantEvent event) {
		this.events.add(event);
		if (event.getKind() == OccupantEvent.Kind.JOINED) {
			event.getRoom().send("Welcome, " + event.getOccupant().nick() + "!");
		}
		else if (event.getKind() == OccupantEvent.Kind.LEFT) {
			event.getRoom().send("Bye, " + event.getOccupant().nick());
		}
		else if (event.getKind() == OccupantEvent.Kind.ROLE_CHANGED) {
			event.getRoom().send(event.getOccupant().nick() + " is now " + event.getOccupant().role());
		}
	}

}
