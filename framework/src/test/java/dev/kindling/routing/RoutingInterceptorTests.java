package dev.kindling.routing;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;
import org.xmpp.packet.PacketError;

import dev.kindling.handler.Body;
import dev.kindling.handler.HandlerRegistry;
import dev.kindling.handler.MessageType;
import dev.kindling.handler.OnMessage;
import dev.kindling.handler.StanzaHandlerFactory;
import dev.kindling.handler.XmppExceptionHandlers;
import dev.kindling.observe.StanzaObserver;
import dev.kindling.template.PendingRequests;
import dev.kindling.testsupport.CapturingXmppTemplate;
import dev.kindling.testsupport.Stanzas;
import dev.kindling.testsupport.TestRouting;

import static org.assertj.core.api.Assertions.assertThat;

class RoutingInterceptorTests {

	private static final String ROOM = "game@conference.example.com";

	private static final String BOT = "referee@bot.example.com/Referee";

	private final CapturingXmppTemplate template = new CapturingXmppTemplate("bot.example.com");

	private StanzaRouter router(RoutingInterceptor interceptor, Object... handlers) {
		StanzaHandlerFactory factory = TestRouting.factory();
		HandlerRegistry registry = new HandlerRegistry();
		TestRouting.register(registry, factory, handlers);
		registry.freeze();
		return new StanzaRouter(registry, factory.returnValueHandlers(), this.template,
				new PendingRequests(10, StanzaObserver.NONE), StanzaObserver.NONE,
				List.of(interceptor), XmppExceptionHandlers.none());
	}

	@Test
	void consumedStanzasReachNoHandlerAndGetNoAnswer() {
		RoomHandlers handlers = new RoomHandlers();
		StanzaRouter router = router((stanza) -> !"secret".equals(((Message) stanza).getBody()), handlers);

		router.route(Stanzas.chat("alice@example.com/a", "echo@bot.example.com", "secret"));
		router.route(Stanzas.chat("alice@example.com/a", "echo@bot.example.com", "open"));

		assertThat(this.template.sent()).extracting((packet) -> ((Message) packet).getBody()).containsExactly("chat: open");
	}

	@Test
	void errorAnswersCanBeForbidden() {
		RoutingInterceptor noErrors = new RoutingInterceptor() {
			@Override
			public boolean preRoute(Packet stanza) {
				return true;
			}

			@Override
			public boolean mayAnswerWithError(Packet stanza) {
				return !stanza.getFrom().toBareJID().equals(ROOM);
			}
		};
		StanzaRouter router = router(noErrors);

		router.route(Stanzas.chat(ROOM + "/alice", BOT, "unhandled private chat"));
		assertThat(this.template.sent()).isEmpty();

		router.route(Stanzas.chat("alice@example.com/a", BOT, "unhandled"));
		assertThat(this.template.single().getError().getCondition()).isEqualTo(PacketError.Condition.service_unavailable);
	}

	@Test
	void aFailingInterceptorConsumesTheStanza() {
		StanzaRouter router = router((stanza) -> {
			throw new IllegalStateException("broken");
		}, new RoomHandlers());

		router.route(Stanzas.chat("alice@example.com/a", "echo@bot.example.com", "x"));

		assertThat(this.template.sent()).isEmpty();
	}

	@Test
	void roomFilterTakesGroupchatAndPrivateMessagesFromThatRoomOnly() {
		RoomHandlers handlers = new RoomHandlers();
		StanzaRouter router = router((stanza) -> true, handlers);

		router.route(Stanzas.message(Message.Type.groupchat, ROOM + "/alice", BOT, "!score"));
		router.route(Stanzas.message(Message.Type.groupchat, "other@conference.example.com/alice", BOT, "!score"));
		router.route(Stanzas.message(Message.Type.groupchat, "lobby@conference.example.com/bob", BOT, "!score"));

		assertThat(this.template.sent()).extracting((packet) -> ((Message) packet).getBody())
			.containsExactly("game: !score", "any room: !score", "lobby: !score");
	}

	static class RoomHandlers {

		@OnMessage(type = MessageType.CHAT)
		String chat(@Body String body) {
			return "chat: " + body;
		}

		@OnMessage(type = MessageType.GROUPCHAT, room = ROOM)
		String game(@Body String body) {
			return "game: " + body;
		}

		@OnMessage(type = MessageType.GROUPCHAT, room = "lobby")
		String lobby(@Body String body) {
			return "lobby: " + body;
		}

		@OnMessage(type = MessageType.GROUPCHAT)
		String anyRoom(@Body String body) {
			return "any room: " + body;
		}

	}

}
