package dev.kindling.test.autoconfigure.docs.readme;

// tag::bot[]
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.stereotype.Component;

import dev.kindling.handler.Match;
import dev.kindling.handler.MessageType;
import dev.kindling.handler.OnMessage;

@SpringBootApplication
public class DiceBot {

	public static void main(String[] args) {
		SpringApplication.run(DiceBot.class, args);
	}

	@Component
	static class Handlers {

		@OnMessage(type = MessageType.CHAT, body = "!roll (?<sides>\\d+)")
		String roll(@Match("sides") int sides) {
			return "rolled " + (1 + ThreadLocalRandom.current().nextInt(sides));
		}
	}
}
// end::bot[]
