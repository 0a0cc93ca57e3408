package dev.kindling.payload;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.core.convert.support.DefaultConversionService;
import org.xmpp.packet.IQ;
import org.xmpp.packet.PacketError;
import org.xmpp.packet.Message;
import org.xmpp.packet.PacketError.Condition;

import dev.kindling.handler.ArgumentValidator;
import dev.kindling.handler.HandlerDefinitionException;
import dev.kindling.handler.HandlerRegistry;
import dev.kindling.handler.IqType;
import dev.kindling.handler.MessageType;
import dev.kindling.handler.OnIq;
import dev.kindling.handler.OnMessage;
import dev.kindling.handler.OnPresence;
import dev.kindling.handler.StanzaHandlerFactory;
import dev.kindling.handler.XmppExceptionHandlers;
import dev.kindling.observe.StanzaObserver;
import dev.kindling.routing.StanzaRouter;
import dev.kindling.template.PendingRequests;
import dev.kindling.testsupport.CapturingXmppTemplate;
import dev.kindling.testsupport.Stanzas;
import dev.kindling.testsupport.TestRouting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/** Handlers that take and return payload records, through the real routing. */
class PayloadHandlerMethodConfigurerTests {

	private static final String USER = "alice@example.com/phone";

	private static final String BOT = "referee@bot.example.com";

	private static final String NS = "urn:example:score";

	private final PayloadMapper mapper = PayloadMapper.withDefaults();

	private final CapturingXmppTemplate template = new CapturingXmppTemplate("bot.example.com");

	private final StanzaHandlerFactory factory = new StanzaHandlerFactory(new DefaultConversionService(),
			List.of(new PayloadHandlerMethodConfigurer(this.mapper)), "!", ArgumentValidator.NONE);

	@Test
	void anIqHandlerTakesTheChildAsARecordAndItsReturnedRecordIsTheResultChild() {
		Referee referee = new Referee();
		IQ request = scoreRequest(IQ.Type.get, new Score(3, 0));

		router(referee).route(request);

		assertThat(referee.received).containsExactly(new Score(3, 0));
		IQ result = (IQ) this.template.single();
		assertThat(result.getType()).isEqualTo(IQ.Type.result);
		assertThat(result.getID()).isEqualTo(request.getID());
		assertThat(this.mapper.fromElement(result.getChildElement(), Score.class)).isEqualTo(new Score(3, 1));
	}

	@Test
	void anAsynchronousRecordIsTheResultChildToo() {
		router(new Referee()).route(scoreRequest(IQ.Type.set, new Score(1, 1)));

		await().until(() -> !this.template.sent().isEmpty());
		IQ result = (IQ) this.template.single();
		assertThat(this.mapper.fromElement(result.getChildElement(), Score.class)).isEqualTo(new Score(1, 2));
	}

	@Test
	void aChildThatDoesNotFitIsABadRequest() {
		IQ request = Stanzas.iq(IQ.Type.get, USER, BOT, "score", NS);
		request.getChildElement().addAttribute("round", "first");

		router(new Referee()).route(request);

		IQ error = (IQ) this.template.single();
		assertThat(error.getType()).isEqualTo(IQ.Type.error);
		assertThat(error.getError().getCondition()).isEqualTo(Condition.bad_request);
	}

	@Test
	void aMessageHandlerTakesTheExtensionAndRepliesWithAMessageCarryingTheReturnedRecord() {
		Referee referee = new Referee();
		Message message = Stanzas.message(Message.Type.normal, USER, BOT, null);
		message.addExtension(this.mapper.toExtension(new Score(2, 5)));

		router(referee).route(message);

		assertThat(referee.received).containsExactly(new Score(2, 5));
		Message reply = (Message) this.template.single();
		assertThat(reply.getTo()).hasToString(USER);
		assertThat(reply.getBody()).isNull();
		assertThat(this.mapper.fromMessage(reply, Score.class)).isEqualTo(new Score(2, 6));
	}

	@Test
	void aMessageWithoutTheExtensionBindsNull() {
		Referee referee = new Referee();

		router(referee).route(Stanzas.chat(USER, BOT, "hello"));

		assertThat(referee.received).containsExactly((Score) null);
		assertThat(this.template.sent()).isEmpty();
	}

	@Test
	void payloadsAreRefusedOnPresenceHandlersAtStartup() {
		assertThatExceptionOfType(HandlerDefinitionException.class)
			.isThrownBy(() -> TestRouting.register(new HandlerRegistry(), this.factory, new OnPresenceHandler()))
			.withMessageContaining("OnPresenceHandler.presence(Score)");
	}

	@Test
	void withoutTheConfigurerARecordReturnFailsAtStartup() {
		assertThatExceptionOfType(HandlerDefinitionException.class)
			.isThrownBy(() -> TestRouting.registry(new Referee()))
			.withMessageContaining("Referee");
	}

	private IQ scoreRequest(IQ.Type type, Score score) {
		IQ request = new IQ(type);
		request.setFrom(USER);
		request.setTo(BOT);
		request.setChildElement(this.mapper.toElement(score));
		return request;
	}

	@Test
	void aPayloadParameterSuppliesTheNamespaceAndElementOfItsIqHandler() {
		Implied implied = new Implied();
		StanzaRouter router = router(implied);

		router.route(scoreRequest(IQ.Type.set, new Score(2, 5)));
		IQ otherElement = Stanzas.iq(IQ.Type.set, USER, BOT, "board", NS);
		router.route(otherElement);

		assertThat(implied.received).containsExactly(new Score(2, 5));
		assertThat(this.template.sent()).hasSize(2);
		assertThat(((IQ) this.template.sent().get(1)).getError().getCondition())
			.as("another element of the namespace is not this handler's").isEqualTo(PacketError.Condition.service_unavailable);
	}

	@Test
	void aPayloadParameterOfAnotherNamespaceThanItsIqHandlerFailsStartup() {
		assertThatExceptionOfType(HandlerDefinitionException.class).isThrownBy(() -> router(new Mismatched()))
			.withMessageContaining("Mismatched.score(Score)")
			.withMessageContaining("its payload parameter binds {urn:example:score}score, which a request's child"
					+ " in namespace 'urn:example:other' can never be");
	}

	private StanzaRouter router(Object handlers) {
		HandlerRegistry registry = new HandlerRegistry();
		TestRouting.register(registry, this.factory, handlers);
		registry.freeze();
		return new StanzaRouter(registry, this.factory.returnValueHandlers(), this.template,
				new PendingRequests(10, StanzaObserver.NONE), StanzaObserver.NONE,
				List.of(), XmppExceptionHandlers.none());
	}

	@XmppPayload(namespace = NS, element = "score")
	record Score(int round, int points) {
	}

	static class Implied {

		final List<Score> received = new java.util.concurrent.CopyOnWriteArrayList<>();

		@OnIq(type = IqType.SET)
		void score(Score score) {
			this.received.add(score);
		}

	}

	static class Mismatched {

		@OnIq(namespace = "urn:example:other")
		void score(Score score) {
		}

	}

	static class Referee {

		final List<@Nullable Score> received = new ArrayList<>();

		@OnIq(namespace = NS, type = IqType.GET)
		Score score(Score asked) {
			this.received.add(asked);
			return new Score(asked.round(), asked.points() + 1);
		}

		@OnIq(namespace = NS, type = IqType.SET)
		CompletableFuture<Score> later(Score asked) {
			return CompletableFuture.supplyAsync(() -> new Score(asked.round(), asked.points() + 1));
		}

		@OnMessage(type = MessageType.NORMAL, extension = NS)
		Score scored(Score score) {
			this.received.add(score);
			return new Score(score.round(), score.points() + 1);
		}

		@OnMessage(type = MessageType.CHAT)
		@Nullable Score chat(@Nullable Score score) {
			this.received.add(score);
			return null;
		}

	}

	static class OnPresenceHandler {

		@OnPresence
		void presence(Score score) {
		}

	}

}
