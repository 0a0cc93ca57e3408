package dev.kindling.test.autoconfigure.prosody;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.stereotype.Component;

import dev.kindling.handler.Body;
import dev.kindling.handler.MessageType;
import dev.kindling.handler.OnMessage;

/** An echo bot whose configuration turns the dev server on, as a sample's application.yaml does. */
@SpringBootApplication
class ProsodyApplication {

	@Component
	static class Echo {

		@OnMessage(type = MessageType.CHAT)
		String echo(@Body String body) {
			return body;
		}

	}

}
