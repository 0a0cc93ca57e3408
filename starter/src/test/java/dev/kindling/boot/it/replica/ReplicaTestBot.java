package dev.kindling.boot.it.replica;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.dom4j.QName;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;

import dev.kindling.devserver.EjabberdServer;
import dev.kindling.handler.Body;
import dev.kindling.handler.From;
import dev.kindling.handler.IqType;
import dev.kindling.handler.MessageType;
import dev.kindling.handler.OnIq;
import dev.kindling.handler.OnMessage;
import dev.kindling.muc.Nick;
import dev.kindling.muc.Room;
import dev.kindling.replica.Replica;
import dev.kindling.template.XmppTemplate;

/**
 * One replica for the balanced integration tests: echoes chats with its instance name, records
 * the groupchat it handles, and answers a custom IQ by asking the server something first (a
 * request of its own whose answer the balancing may hand to another replica).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class ReplicaTestBot {

	static final String ASK_NS = "urn:kindling:test:ask";

	static ConfigurableApplicationContext start(EjabberdServer server, String instance, String... properties) {
		return new SpringApplicationBuilder(ReplicaTestBot.class).web(WebApplicationType.NONE)
			.properties(Map.of("xmpp.component.host", server.host(), "xmpp.component.port", server.componentPort(),
					"xmpp.component.domain", server.componentDomain(), "xmpp.component.secret", server.componentSecret(),
					"xmpp.component.instance", instance, "xmpp.component.backoff.min-delay", "200ms",
					"xmpp.component.backoff.max-delay", "1s",
					"spring.main.banner-mode", "off"))
			.run(properties);
	}

	/** A replica in a JVM of its own, for a test that kills it with SIGKILL. */
	public static void main(String[] args) {
		new SpringApplicationBuilder(ReplicaTestBot.class).web(WebApplicationType.NONE).run(args);
	}

	@Bean
	Handlers handlers(Replica replica, XmppTemplate template) {
		return new Handlers(replica, template);
	}

	static final class Handlers {

		private final Replica replica;

		private final XmppTemplate template;

		/** "sender body" of every chat handled here. */
		final List<String> chats = new CopyOnWriteArrayList<>();

		/** "room nick: body" of every groupchat handled here. */
		final List<String> groupchat = new CopyOnWriteArrayList<>();

		Handlers(Replica replica, XmppTemplate template) {
			this.replica = replica;
			this.template = template;
		}

		@OnMessage(type = MessageType.CHAT)
		String echo(@From JID from, @Body String body) {
			this.chats.add(from.toBareJID() + " " + body);
			return body + " @" + this.replica.instance();
		}

		@OnMessage(type = MessageType.GROUPCHAT)
		void room(Room room, @Nick String nick, @Body String body) {
			this.groupchat.add(room.jid().getNode() + " " + nick + ": " + body);
		}

		/** Asks the server's disco#info first: the answer comes from the server's address. */
		@OnIq(namespace = ASK_NS, element = "ask", type = IqType.GET)
		CompletableFuture<Element> ask() {
			IQ disco = new IQ(IQ.Type.get);
			disco.setTo(new JID(this.template.componentJid().getDomain().replaceFirst("^[^.]+\\.", "")));
			disco.setChildElement("query", "http://jabber.org/protocol/disco#info");
			return this.template.request(disco)
				.thenApply((answer) -> DocumentHelper.createElement(QName.get("answered", ASK_NS))
					.addAttribute("instance", this.replica.instance()));
		}

	}

}
