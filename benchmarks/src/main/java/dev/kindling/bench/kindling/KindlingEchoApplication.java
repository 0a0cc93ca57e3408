package dev.kindling.bench.kindling;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.stereotype.Component;

import dev.kindling.handler.Body;
import dev.kindling.handler.MessageType;
import dev.kindling.handler.OnMessage;

/**
 * Kindling's side: the echo bot's handler (as in the echo-bot sample) with Kindling's built-in ping
 * answer, configured through {@code xmpp.component.*} on the command line, dev server off.
 */
// In its own package: component scanning sees only this class, as in a real bot.
@SpringBootApplication
public class KindlingEchoApplication {

	public static void main(String[] args) {
		SpringApplication.run(KindlingEchoApplication.class, args);
	}

	@Component
	static class EchoHandlers {

		@OnMessage(type = MessageType.CHAT)
		String echo(@Body String body) {
			return body;
		}

	}

}
