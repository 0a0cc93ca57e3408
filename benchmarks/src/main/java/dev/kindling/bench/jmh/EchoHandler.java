package dev.kindling.bench.jmh;

import dev.kindling.XmppErrorException;
import dev.kindling.handler.Body;
import dev.kindling.handler.MessageType;
import dev.kindling.handler.OnMessage;

/** The echo bot's handler, and one that always fails with a stanza error. */
public class EchoHandler {

	@OnMessage(type = MessageType.CHAT)
	public String echo(@Body String body) {
		return body;
	}

	@OnMessage(type = MessageType.CHAT, to = "refuse")
	public String refuse(@Body String body) {
		throw new XmppErrorException(org.xmpp.packet.PacketError.Condition.not_allowed, "no");
	}

}
