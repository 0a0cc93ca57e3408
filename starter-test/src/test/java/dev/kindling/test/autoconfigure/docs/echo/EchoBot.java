package dev.kindling.test.autoconfigure.docs.echo;

// The echo bot of docs/getting-started.md; docs/testing.md tests it.
// tag::bot[]
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.stereotype.Component;

import dev.kindling.handler.Body;
import dev.kindling.handler.MessageType;
import dev.kindling.handler.OnMessage;

@SpringBootApplication
public class EchoBot {

	public static void main(String[] args) {
		SpringApplication.run(EchoBot.class, args);
	}

	@Component
	static class Handlers {

		@OnMessage(type = MessageType.CHAT)   // chat messages with a body, to any address of the domain
		String echo(@Body String body) {
			return body;                      // a String is the reply: same type, id and thread
		}
	}
}
// end::bot[]
