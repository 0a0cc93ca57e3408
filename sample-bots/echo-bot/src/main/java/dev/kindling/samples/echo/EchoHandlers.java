package dev.kindling.samples.echo;

import java.util.random.RandomGenerator;

import org.springframework.stereotype.Component;

import dev.kindling.handler.Body;
import dev.kindling.handler.Match;
import dev.kindling.handler.MessageType;
import dev.kindling.handler.OnMessage;

/**
 * The echo bot's handlers. A returned {@code String} is the body of the reply, sent back to the
 * sender with the same type and id.
 */
@Component
class EchoHandlers {

	private final RandomGenerator random = RandomGenerator.getDefault();

	@OnMessage(type = MessageType.CHAT)
	String echo(@Body String body) {
		return body;
	}

	@OnMessage(type = MessageType.CHAT, body = "!roll (?<sides>\\d{1,6})")
	String roll(@Match("sides") int sides) {
		if (sides < 2) {
			return "A die needs at least 2 sides.";
		}
		return "rolled " + (1 + this.random.nextInt(sides)) + " (d" + sides + ")";
	}

}
