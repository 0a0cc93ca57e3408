package dev.kindling.test.autoconfigure.docs.echo;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.stereotype.Component;

import dev.kindling.handler.Body;
import dev.kindling.handler.MessageType;
import dev.kindling.handler.OnMessage;

/** The echo bot of docs/getting-started.md, as written there. */
@SpringBootApplication
public class EchoBot {

	public static void main(String[] args) {
		SpringApplication.run(EchoBot.class, args);
	}

	@Component
	static class Handlers {

		@OnMessage(type = MessageType.CHAT)
		String echo(@Body String body) {
			return body;
		}

	}

}
