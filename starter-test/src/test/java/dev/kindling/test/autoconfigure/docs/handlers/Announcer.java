package dev.kindling.test.autoconfigure.docs.handlers;

// tag::events[]
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.xmpp.packet.JID;

import dev.kindling.connection.ComponentConnectedEvent;
import dev.kindling.connection.ComponentReconnectingEvent;
import dev.kindling.template.XmppTemplate;

@Component
class Announcer {

	private static final Logger log = LoggerFactory.getLogger(Announcer.class);

	private final XmppTemplate xmpp;

	Announcer(XmppTemplate xmpp) {
		this.xmpp = xmpp;
	}

	@EventListener
	void connected(ComponentConnectedEvent event) {
		xmpp.sendMessage(new JID("admin@example.com"), event.isReconnect() ? "back again" : "hello");
	}

	@EventListener
	void reconnecting(ComponentReconnectingEvent event) {
		log.info("attempt {} in {} ms: {}", event.getAttempt(), event.getDelay().toMillis(), event.getCause().getMessage());
	}
}
// end::events[]
