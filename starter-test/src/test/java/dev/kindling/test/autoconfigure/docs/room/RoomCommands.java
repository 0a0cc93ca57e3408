package dev.kindling.test.autoconfigure.docs.room;

// tag::handler[]
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.kindling.handler.MessageType;
import dev.kindling.handler.OnMessage;
import dev.kindling.muc.OccupantEvent;

@Component
class RoomCommands {

	@OnMessage(type = MessageType.GROUPCHAT, body = "!ping")
	String ping() {
		return "pong";
	}

	@EventListener
	void greet(OccupantEvent event) {
		if (event.getKind() == OccupantEvent.Kind.JOINED) {
			event.getRoom().send("Welcome, " + event.getOccupant().nick() + "!");
		}
	}
}
// end::handler[]
