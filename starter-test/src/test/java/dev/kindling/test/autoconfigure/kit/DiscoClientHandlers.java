package dev.kindling.test.autoconfigure.kit;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;

import org.dom4j.Element;
import org.springframework.stereotype.Component;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;

import dev.kindling.RequestTimeoutException;
import dev.kindling.StanzaNotSentException;
import dev.kindling.XmppErrorException;
import dev.kindling.handler.Match;
import dev.kindling.handler.MessageType;
import dev.kindling.handler.OnMessage;
import dev.kindling.template.XmppTemplate;

/** A command that asks another entity for its features with the template: the bot's own requests. */
@Component
class DiscoClientHandlers {

	static final String DISCO_INFO = "http://jabber.org/protocol/disco#info";

	private final XmppTemplate template;

	DiscoClientHandlers(XmppTemplate template) {
		this.template = template;
	}

	@OnMessage(type = MessageType.CHAT, body = "!features (?<target>\\S+)")
	CompletableFuture<String> features(@Match("target") String target) {
		IQ query = new IQ(IQ.Type.get);
		query.setTo(new JID(target));
		query.setChildElement("query", DISCO_INFO);
		return this.template.request(query).handle((result, failure) -> {
			if (failure == null) {
				return result.getChildElement().elements("feature").stream()
					.map((feature) -> ((Element) feature).attributeValue("var"))
					.collect(Collectors.joining(" "));
			}
			Throwable cause = (failure instanceof CompletionException) ? failure.getCause() : failure;
			if (cause instanceof XmppErrorException error) {
				return "error: " + error.getCondition().toXMPP();
			}
			if (cause instanceof RequestTimeoutException) {
				return "no answer";
			}
			if (cause instanceof StanzaNotSentException) {
				return "not sent";
			}
			return "failed: " + cause;
		});
	}

}
