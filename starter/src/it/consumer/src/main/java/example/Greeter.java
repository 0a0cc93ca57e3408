package example;

import org.springframework.stereotype.Component;

import dev.kindling.handler.Body;
import dev.kindling.handler.MessageType;
import dev.kindling.handler.OnMessage;

@Component
public class Greeter {

	@OnMessage(type = MessageType.CHAT)
	public String greet(@Body String name) {
		return "Hello, " + name;
	}

}
