package dev.kindling.test.autoconfigure.docs.room;

// tag::handler[]
import org.springframework.stereotype.Component;

import dev.kindling.handler.MessageType;
import dev.kindling.handler.OnMessage;

@Component
class RoomCommands {

	@OnMessage(type = MessageType.GROUPCHAT, body = "!ping")
	String ping() {
		return "pong";
	}
}
// end::handler[]
