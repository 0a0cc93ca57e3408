package dev.kindling.test.autoconfigure.docs.commands;

// tag::page[]
import java.util.concurrent.ThreadLocalRandom;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.stereotype.Component;

import dev.kindling.handler.Arg;
import dev.kindling.handler.Command;
import dev.kindling.handler.MessageType;
import dev.kindling.muc.Nick;

/** A dice bot: three chat commands, their arguments converted and validated. */
@SpringBootApplication
public class DiceBot {

	public static void main(String[] args) {
		SpringApplication.run(DiceBot.class, args);
	}

	@Component
	static class DiceCommands {

		@Command(description = "Rolls dice written as 2d6", syntax = "(?<count>\\d{1,3})d(?<sides>\\d{1,6})")
		String roll(@Min(1) @Max(100) int count, @Min(2) int sides) {
			int total = 0;
			for (int i = 0; i < count; i++) {
				total += 1 + ThreadLocalRandom.current().nextInt(sides);
			}
			return "rolled " + total;
		}

		@Command(description = "Flips a coin, or several")
		String flip(@Arg(description = "how many coins", defaultValue = "1") @Min(1) @Max(20) int coins) {
			StringBuilder faces = new StringBuilder();
			for (int i = 0; i < coins; i++) {
				faces.append(ThreadLocalRandom.current().nextBoolean() ? "H" : "T");
			}
			return faces.toString();
		}

		@Command(type = MessageType.GROUPCHAT, description = "Cheers someone on in the room")
		String cheer(@Nick String me, @Arg(description = "who to cheer for") String who) {
			return me + " cheers for " + who + "!";
		}

	}

}
// end::page[]
