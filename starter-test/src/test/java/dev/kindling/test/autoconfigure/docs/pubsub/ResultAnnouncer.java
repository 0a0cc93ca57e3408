package dev.kindling.test.autoconfigure.docs.pubsub;

// tag::results[]
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.xmpp.packet.JID;
import tools.jackson.dataformat.xml.annotation.JacksonXmlProperty;

import dev.kindling.connection.ComponentConnectedEvent;
import dev.kindling.muc.MucRooms;
import dev.kindling.muc.Room;
import dev.kindling.payload.XmppPayload;
import dev.kindling.pubsub.OnPubSubEvent;
import dev.kindling.pubsub.PubSubEvent;
import dev.kindling.pubsub.PubSubTemplate;
import dev.kindling.template.XmppTemplate;

@XmppPayload(namespace = "urn:kindling:toetem:0", element = "game")
record Result(@JacksonXmlProperty(isAttribute = true) String id,
		@JacksonXmlProperty(isAttribute = true) String status,
		@JacksonXmlProperty(isAttribute = true) @Nullable String winner) { }

@Component
class ResultAnnouncer {

	private static final JID LOBBY = new JID("lobby@conference.localhost");

	private final PubSubTemplate pubsub;

	private final XmppTemplate xmpp;

	private final MucRooms rooms;

	ResultAnnouncer(PubSubTemplate pubsub, XmppTemplate xmpp, MucRooms rooms) {
		this.pubsub = pubsub;
		this.xmpp = xmpp;
		this.rooms = rooms;
	}

	@EventListener
	void connected(ComponentConnectedEvent event) {
		pubsub.subscribe("toetem/results", xmpp.componentJid());
	}

	@OnPubSubEvent(node = "toetem/results")
	void ended(Result result, PubSubEvent event) {
		if (event.service().equals(pubsub.service())) {      // only the service's events are believed
			rooms.room(LOBBY).filter(Room::isJoined).ifPresent((room) -> room.send(
					"Game " + result.id() + ": " + ((result.winner() != null) ? result.winner() + " wins" : "draw")));
		}
	}

}
// end::results[]
