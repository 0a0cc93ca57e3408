package dev.kindling.boot.it;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;

import org.dom4j.Element;
import org.xmpp.packet.IQ;
import org.xmpp.packet.Packet;

import dev.kindling.devserver.ProsodyServer;
import dev.kindling.observe.RequestOutcome;
import dev.kindling.observe.StanzaObserver;
import dev.kindling.handler.Body;
import dev.kindling.handler.Match;
import dev.kindling.handler.MessageType;
import dev.kindling.handler.OnMessage;
import dev.kindling.muc.InvitationReceivedEvent;
import dev.kindling.muc.Nick;
import dev.kindling.muc.Occupant;
import dev.kindling.muc.OccupantEvent;
import dev.kindling.muc.Room;

/**
 * A room bot for the MUC integration tests: greets joiners, answers commands, records every
 * groupchat body its handlers were given.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class RoomTestBot {

	static ConfigurableApplicationContext start(ProsodyServer server, String... properties) {
		return new SpringApplicationBuilder(RoomTestBot.class).web(WebApplicationType.NONE)
			.properties(Map.of("xmpp.component.host", server.host(), "xmpp.component.port", server.componentPort(),
					"xmpp.component.domain", server.componentDomain(), "xmpp.component.secret", server.componentSecret(),
					"xmpp.component.backoff.min-delay", "200ms", "xmpp.component.backoff.max-delay", "1s",
					"spring.main.banner-mode", "off"))
			.run(properties);
	}

	@Bean
	Handlers handlers() {
		return new Handlers();
	}

	@Bean
	Requests requests() {
		return new Requests();
	}

	/** The component's own IQ requests and how each ended. */
	static final class Requests implements StanzaObserver {

		final List<String> completed = new CopyOnWriteArrayList<>();

		final List<Packet> sent = new CopyOnWriteArrayList<>();

		@Override
		public void sent(Packet stanza) {
			this.sent.add(stanza);
		}

		@Override
		public void requestCompleted(IQ request, long nanos, RequestOutcome outcome) {
			Element child = request.getChildElement();
			this.completed.add(((child != null) ? child.getNamespaceURI() : "") + " " + request.getTo() + " " + outcome);
		}

	}

	static class Handlers {

		/** Every groupchat body a handler was given, as "room nick: body". */
		final List<String> delivered = new CopyOnWriteArrayList<>();

		final List<InvitationReceivedEvent> invitations = new CopyOnWriteArrayList<>();

		@OnMessage(type = MessageType.GROUPCHAT, body = "!ping")
		String ping(Room room, @Nick String nick, @Body String body) {
			record(room, nick, body);
			return "pong";
		}

		@OnMessage(type = MessageType.GROUPCHAT, body = "!topic (?<text>.+)")
		String topic(Room room, Occupant occupant, @Match("text") String text) {
			record(room, occupant.nick(), "!topic " + text);
			if (!occupant.isModerator()) {
				return "Sorry " + occupant.nick() + ", only moderators may change the topic.";
			}
			room.changeSubject(text);
			return null;
		}

		@OnMessage(type = MessageType.GROUPCHAT)
		void anything(Room room, @Nick String nick, @Body String body) {
			record(room, nick, body);
		}

		@OnMessage(type = MessageType.CHAT, room = "lobby", body = "!whoami")
		String whoami(Occupant occupant, @Nick String nick) {
			return "you are " + nick + ", a " + occupant.role().toXmpp();
		}

		@EventListener
		void greet(OccupantEvent event) {
			if (event.getKind() == OccupantEvent.Kind.JOINED) {
				event.getRoom().send("Welcome, " + event.getOccupant().nick() + "!");
			}
		}

		@EventListener
		void invited(InvitationReceivedEvent event) {
			this.invitations.add(event);
		}

		private void record(Room room, String nick, String body) {
			this.delivered.add(room.jid().getNode() + " " + nick + ": " + body);
		}

	}

}
