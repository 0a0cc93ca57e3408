package dev.kindling.test.autoconfigure.docs.readme;

// tag::bot[]
import java.util.concurrent.ThreadLocalRandom;

import jakarta.validation.constraints.Min;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.stereotype.Component;

import dev.kindling.handler.Command;

@SpringBootApplication
public class DiceBot {

	public static void main(String[] args) {
		SpringApplication.run(DiceBot.class, args);
	}

	@Component
	static class Handlers {

		@Command(description = "Rolls a die")    // "!roll 6"; "!help" lists it
		String roll(@Min(2) int sides) {
			return "rolled " + (1 + ThreadLocalRandom.current().nextInt(sides));
		}
	}
}
// end::bot[]
