package dev.kindling.test.autoconfigure.errors;

import org.springframework.stereotype.Component;

import dev.kindling.handler.MessageType;
import dev.kindling.handler.OnMessage;

/** A handler with a bug, answered by {@link CatchAllAdvice}, which applies to this bean only. */
@Component
class CatchAllHandlers {

	@OnMessage(type = MessageType.CHAT, to = "oops")
	String oops() {
		throw new IllegalStateException("a bug");
	}

}
