package dev.kindling.test.autoconfigure.docs.handlers;

// tag::handlers[]
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.dom4j.QName;
import org.springframework.stereotype.Component;
import org.xmpp.packet.JID;
import org.xmpp.packet.PacketError.Condition;

import dev.kindling.XmppErrorException;
import dev.kindling.handler.From;
import dev.kindling.handler.IqType;
import dev.kindling.handler.Match;
import dev.kindling.handler.MessageType;
import dev.kindling.handler.OnIq;
import dev.kindling.handler.OnMessage;

@Component
class GameHandlers {

	private final Map<String, Integer> scores = new ConcurrentHashMap<>();   // handlers run in parallel across senders

	@OnMessage(type = MessageType.CHAT, body = "!score (?<points>\\d{1,9})")
	String score(@From JID player, @Match("points") int points) {
		scores.put(player.toBareJID(), points);
		return "ok";
	}

	@OnIq(namespace = "urn:example:score", element = "score", type = IqType.GET)
	Element score(@From JID player) {
		Integer points = scores.get(player.toBareJID());
		if (points == null) {
			throw new XmppErrorException(Condition.item_not_found, "No score yet");   // becomes the error reply
		}
		Element score = DocumentHelper.createElement(QName.get("score", "urn:example:score"));
		score.addAttribute("points", points.toString());
		return score;                                  // the child of the IQ result
	}
}
// end::handlers[]
