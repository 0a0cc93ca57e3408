package dev.kindling.samples.echo;

import java.util.random.RandomGenerator;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.stereotype.Component;

import dev.kindling.handler.Arg;
import dev.kindling.handler.Body;
import dev.kindling.handler.Command;
import dev.kindling.handler.MessageType;
import dev.kindling.handler.OnMessage;

/**
 * The echo bot's handlers. A returned {@code String} is the body of the reply, sent back to the
 * sender with the same type and id. {@code !roll} is a command, so it outranks the echo, and
 * {@code !help} lists it.
 */
@Component
class EchoHandlers {

	private final RandomGenerator random = RandomGenerator.getDefault();

	@OnMessage(type = MessageType.CHAT)
	String echo(@Body String body) {
		return body;
	}

	@Command(description = "Rolls a die")
	String roll(@Arg(description = "how many sides the die has") @Min(2) @Max(1_000_000) int sides) {
		return "rolled " + (1 + this.random.nextInt(sides)) + " (d" + sides + ")";
	}

}
