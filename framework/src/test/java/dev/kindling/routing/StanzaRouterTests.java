package dev.kindling.routing;

import java.util.concurrent.CompletableFuture;

import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.dom4j.QName;
import org.junit.jupiter.api.Test;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;
import org.xmpp.packet.PacketError;
import org.xmpp.packet.PacketError.Condition;
import org.xmpp.packet.Presence;

import dev.kindling.XmppErrorException;
import dev.kindling.handler.Body;
import dev.kindling.handler.IqType;
import dev.kindling.handler.Match;
import dev.kindling.handler.MessageType;
import dev.kindling.handler.OnIq;
import dev.kindling.handler.OnMessage;
import dev.kindling.handler.OnPresence;
import dev.kindling.handler.PresenceType;
import dev.kindling.template.XmppTemplate;
import dev.kindling.testsupport.CapturingXmppTemplate;
import dev.kindling.testsupport.Stanzas;
import dev.kindling.testsupport.TestRouting;

import static org.assertj.core.api.Assertions.assertThat;

class StanzaRouterTests {

	private static final String USER = "alice@example.com/phone";

	private static final String BOT = "echo@bot.example.com";

	private static final String NS = "urn:example:score";

	private final CapturingXmppTemplate template = new CapturingXmppTemplate("bot.example.com");

	@Test
	void aStringReturnRepliesWithTheSameTypeIdAndThreadFromTheAddressWrittenTo() {
		StanzaRouter router = router(new Echo());
		Message message = Stanzas.chat(USER, BOT, "hello");
		message.setID("m1");
		message.setThread("thread-7");

		router.route(message);

		Message reply = (Message) this.template.single();
		assertThat(reply.getType()).isEqualTo(Message.Type.chat);
		assertThat(reply.getID()).isEqualTo("m1");
		assertThat(reply.getThread()).isEqualTo("thread-7");
		assertThat(reply.getTo()).isEqualTo(new JID(USER));
		assertThat(reply.getFrom()).isEqualTo(new JID(BOT));
		assertThat(reply.getBody()).isEqualTo("echo: hello");
	}

	@Test
	void aNormalMessageGetsANormalReply() {
		router(new Echo()).route(Stanzas.message(Message.Type.normal, USER, BOT, "hi"));

		assertThat(((Message) this.template.single()).getType()).isEqualTo(Message.Type.normal);
	}

	@Test
	void aGroupchatReplyGoesToTheRoomNotTheOccupant() {
		router(new Echo()).route(Stanzas.message(Message.Type.groupchat, "game@conference.example.com/alice", BOT, "hi"));

		Message reply = (Message) this.template.single();
		assertThat(reply.getType()).isEqualTo(Message.Type.groupchat);
		assertThat(reply.getTo()).isEqualTo(new JID("game@conference.example.com"));
		assertThat(reply.getFrom()).isEqualTo(new JID(BOT));
	}

	@Test
	void aNullStringReturnSendsNothing() {
		router(new Echo()).route(Stanzas.chat(USER, BOT, "quiet"));

		assertThat(this.template.sent()).isEmpty();
	}

	@Test
	void anElementReturnIsTheResultsChild() {
		IQ request = Stanzas.get(USER, BOT, "score", NS);

		router(new Scores()).route(request);

		IQ result = (IQ) this.template.single();
		assertThat(result.getType()).isEqualTo(IQ.Type.result);
		assertThat(result.getID()).isEqualTo(request.getID());
		assertThat(result.getTo()).isEqualTo(new JID(USER));
		assertThat(result.getFrom()).isEqualTo(new JID(BOT));
		assertThat(result.getChildElement().getNamespaceURI()).isEqualTo(NS);
		assertThat(result.getChildElement().elementText("points")).isEqualTo("42");
	}

	@Test
	void aVoidIqHandlerSendsExactlyOneEmptyResult() {
		IQ request = Stanzas.iq(IQ.Type.set, USER, BOT, "reset", NS);

		router(new Scores()).route(request);

		IQ result = (IQ) this.template.single();
		assertThat(result.getType()).isEqualTo(IQ.Type.result);
		assertThat(result.getID()).isEqualTo(request.getID());
		assertThat(result.getChildElement()).isNull();
	}

	@Test
	void anIqHandlerReturningItsOwnAnswerGetsNoExtraResult() {
		IQ request = Stanzas.get(USER, BOT, "own", NS);

		router(new Scores()).route(request);

		IQ result = (IQ) this.template.single();
		assertThat(result.getType()).isEqualTo(IQ.Type.result);
		assertThat(result.getChildElement().getName()).isEqualTo("own");
	}

	@Test
	void anIqHandlerReturningAnErrorAnswerGetsNoExtraResult() {
		IQ request = Stanzas.get(USER, BOT, "forbidden", NS);

		router(new Scores()).route(request);

		IQ answer = (IQ) this.template.single();
		assertThat(answer.getType()).isEqualTo(IQ.Type.error);
		assertThat(answer.getError().getCondition()).isEqualTo(Condition.forbidden);
	}

	@Test
	void anIqHandlerAnsweringThroughTheTemplateGetsNoExtraResult() {
		IQ request = Stanzas.get(USER, BOT, "viaTemplate", NS);

		router(new Scores()).route(request);

		// Every IQ request gets exactly one answer, however the handler sent it.
		assertThat(this.template.sent()).as("answers to IQ %s", request.getID()).hasSize(1);
	}

	@Test
	void anXmppErrorExceptionBecomesThatError() {
		IQ request = Stanzas.get(USER, BOT, "missing", NS);

		router(new Scores()).route(request);

		IQ answer = (IQ) this.template.single();
		assertThat(answer.getType()).isEqualTo(IQ.Type.error);
		assertThat(answer.getID()).isEqualTo(request.getID());
		assertThat(answer.getTo()).isEqualTo(new JID(USER));
		assertThat(answer.getFrom()).isEqualTo(new JID(BOT));
		assertThat(answer.getError().getCondition()).isEqualTo(Condition.item_not_found);
		assertThat(answer.getError().getType()).isEqualTo(PacketError.Type.cancel);
		assertThat(answer.getError().getText()).isEqualTo("x");
		assertThat(answer.getChildElement().getName()).as("the request's child is echoed").isEqualTo("missing");
	}

	@Test
	void anyOtherExceptionIsAnInternalServerErrorThatKeepsItsDetailPrivate() {
		router(new Scores()).route(Stanzas.get(USER, BOT, "crash", NS));

		IQ answer = (IQ) this.template.single();
		assertThat(answer.getError().getCondition()).isEqualTo(Condition.internal_server_error);
		assertThat(answer.toXML()).doesNotContain("secret detail");
	}

	@Test
	void aFailingMessageHandlerAnswersWithAnErrorMessage() {
		Message message = Stanzas.chat(USER, BOT, "crash");
		message.setID("m2");

		router(new Echo()).route(message);

		Message answer = (Message) this.template.single();
		assertThat(answer.getType()).isEqualTo(Message.Type.error);
		assertThat(answer.getID()).isEqualTo("m2");
		assertThat(answer.getTo()).isEqualTo(new JID(USER));
		assertThat(answer.getError().getCondition()).isEqualTo(Condition.internal_server_error);
		assertThat(answer.toXML()).doesNotContain("secret detail");
	}

	@Test
	void aBodyThatCannotBeBoundIsAnsweredInTheChatNamingTheArgument() {
		router(new Echo()).route(Stanzas.chat(USER, BOT, "!roll 99999999999"));

		Message answer = (Message) this.template.single();
		assertThat(answer.getType()).isEqualTo(Message.Type.chat);
		assertThat(answer.getTo()).isEqualTo(new JID(USER));
		assertThat(answer.getBody()).isEqualTo("sides must be a whole number from -2147483648 to 2147483647"
				+ " (not \"99999999999\")");
	}

	@Test
	void aBodyThatCannotBeBoundInARoomIsAnsweredToTheOccupantInTheRoom() {
		router(new Echo()).route(Stanzas.message(Message.Type.groupchat, "lobby@conference.example.com/alice", BOT,
				"!roll 99999999999"));

		Message answer = (Message) this.template.single();
		assertThat(answer.getType()).isEqualTo(Message.Type.groupchat);
		assertThat(answer.getTo()).isEqualTo(new JID("lobby@conference.example.com"));
		assertThat(answer.getBody()).startsWith("alice: sides must be a whole number");
	}

	@Test
	void aFutureRepliesWhenItCompletes() {
		Later later = new Later();
		StanzaRouter router = router(later);
		Message message = Stanzas.chat(USER, BOT, "later");
		IQ request = Stanzas.get(USER, BOT, "later", NS);

		router.route(message);
		router.route(request);
		assertThat(this.template.sent()).isEmpty();

		later.message.complete("done");
		assertThat(((Message) this.template.single()).getBody()).isEqualTo("done");

		Element child = DocumentHelper.createElement(QName.get("later", NS));
		child.addElement("n").setText("1");
		later.iq.complete(child);
		assertThat(this.template.sent()).hasSize(2);
		IQ result = (IQ) this.template.sent().get(1);
		assertThat(result.getType()).isEqualTo(IQ.Type.result);
		assertThat(result.getID()).isEqualTo(request.getID());
		assertThat(result.getChildElement().elementText("n")).isEqualTo("1");
	}

	@Test
	void aFutureCompletedWithNothingAnswersAnIqWithAnEmptyResult() {
		Later later = new Later();
		router(later).route(Stanzas.get(USER, BOT, "later", NS));

		later.iq.complete(null);

		IQ result = (IQ) this.template.single();
		assertThat(result.getType()).isEqualTo(IQ.Type.result);
		assertThat(result.getChildElement()).isNull();
	}

	@Test
	void aFailedFutureBecomesAnError() {
		Later later = new Later();
		StanzaRouter router = router(later);
		router.route(Stanzas.get(USER, BOT, "later", NS));
		router.route(Stanzas.chat(USER, BOT, "later"));

		later.iq.completeExceptionally(new XmppErrorException(Condition.not_allowed, "not now"));
		later.message.completeExceptionally(new IllegalStateException("secret detail"));

		assertThat(this.template.sent()).hasSize(2);
		IQ iqAnswer = (IQ) this.template.sent().get(0);
		assertThat(iqAnswer.getError().getCondition()).isEqualTo(Condition.not_allowed);
		assertThat(iqAnswer.getError().getText()).isEqualTo("not now");
		Message messageAnswer = (Message) this.template.sent().get(1);
		assertThat(messageAnswer.getError().getCondition()).isEqualTo(Condition.internal_server_error);
		assertThat(messageAnswer.toXML()).doesNotContain("secret detail");
	}

	@Test
	void aFutureFailingInADependentStageIsUnwrapped() {
		Later later = new Later();
		router(later).route(Stanzas.get(USER, BOT, "chained", NS));

		later.iq.complete(null);

		assertThat(this.template.single().getError().getCondition()).isEqualTo(Condition.conflict);
	}

	@Test
	void aReturnedPacketWithoutAddressesGoesBackToTheSender() {
		router(new Presences()).route(Stanzas.presence(Presence.Type.subscribe, USER, BOT));

		Presence answer = (Presence) this.template.single();
		assertThat(answer.getType()).isEqualTo(Presence.Type.subscribed);
		assertThat(answer.getTo()).isEqualTo(new JID(USER));
		assertThat(answer.getFrom()).isEqualTo(new JID(BOT));
	}

	@Test
	void anUnhandledIqRequestIsServiceUnavailable() {
		StanzaRouter router = router(new Echo());
		IQ get = Stanzas.get(USER, BOT, "query", "urn:example:unknown");
		IQ set = Stanzas.iq(IQ.Type.set, USER, BOT, "query", "urn:example:unknown");

		router.route(get);
		router.route(set);

		assertThat(this.template.sent()).hasSize(2).allSatisfy((answer) -> {
			assertThat(((IQ) answer).getType()).isEqualTo(IQ.Type.error);
			assertThat(answer.getError().getCondition()).isEqualTo(Condition.service_unavailable);
		});
		assertThat(this.template.sent().get(0).getID()).isEqualTo(get.getID());
		assertThat(this.template.sent().get(1).getID()).isEqualTo(set.getID());
	}

	@Test
	void anUnhandledChatOrNormalMessageWithBodyIsServiceUnavailable() {
		StanzaRouter router = router(new Scores());

		router.route(Stanzas.chat(USER, BOT, "anyone?"));
		router.route(Stanzas.message(Message.Type.normal, USER, BOT, "anyone?"));

		assertThat(this.template.sent()).hasSize(2)
			.allSatisfy((answer) -> assertThat(answer.getError().getCondition()).isEqualTo(Condition.service_unavailable));
	}

	@Test
	void unhandledGroupchatHeadlineBodilessMessagesAndPresencesAreIgnored() {
		StanzaRouter router = router(new Scores());

		router.route(Stanzas.message(Message.Type.groupchat, "game@conference.example.com/alice", BOT, "hi all"));
		router.route(Stanzas.message(Message.Type.headline, USER, BOT, "news"));
		router.route(Stanzas.chat(USER, BOT, null));
		router.route(Stanzas.presence(null, USER, BOT));

		assertThat(this.template.sent()).isEmpty();
	}

	@Test
	void errorsAreNeverAnswered() {
		Failing failing = new Failing();
		StanzaRouter router = router(failing);
		IQ iqError = Stanzas.iq(IQ.Type.error, USER, BOT, "query", NS);
		iqError.setError(Condition.bad_request);

		router.route(iqError);
		router.route(Stanzas.message(Message.Type.error, USER, BOT, "bounced"));
		router.route(Stanzas.presence(Presence.Type.error, USER, BOT));

		assertThat(failing.calls).as("the error message and the error presence reached their handlers").isEqualTo(2);
		assertThat(this.template.sent()).isEmpty();
	}

	@Test
	void aHandlerOfErrorMessagesCannotReplyToThem() {
		// RFC 6120 8.3.1: an error stanza is never answered, or two entities can bounce errors forever.
		router(new ErrorReplies()).route(Stanzas.message(Message.Type.error, USER, BOT, "bounced"));
		router(new ErrorReplies()).route(Stanzas.presence(Presence.Type.error, USER, BOT));

		assertThat(this.template.sent()).isEmpty();
	}

	@Test
	void aFailingGroupchatHandlerSendsNoErrorIntoTheRoom() {
		router(new Echo()).route(Stanzas.message(Message.Type.groupchat, "game@conference.example.com/alice", BOT, "crash"));

		assertThat(this.template.sent()).isEmpty();
	}

	@Test
	void anUnhandledErrorMessageIsNotAnswered() {
		router(new Echo()).route(Stanzas.message(Message.Type.error, USER, BOT, "bounced"));

		assertThat(this.template.sent()).isEmpty();
	}

	@Test
	void aStanzaTwoPatternsMatchGoesToTheHigherRankedOne() {
		router(new Ambiguous()).route(Stanzas.chat(USER, BOT, "!help me"));

		assertThat(((Message) this.template.single()).getBody()).isEqualTo("help");
	}

	@Test
	void aReplyThatCannotBeSentIsNotTurnedIntoAnError() {
		this.template.disconnect();

		router(new Echo()).route(Stanzas.chat(USER, BOT, "hello"));
		router(new Scores()).route(Stanzas.get(USER, BOT, "score", NS));

		assertThat(this.template.sent()).isEmpty();
	}

	@Test
	void anIqResultThatAnswersNoRequestIsDroppedSilently() {
		Scores scores = new Scores();
		IQ result = new IQ(IQ.Type.result, "nobody-asked");
		result.setFrom(USER);
		result.setTo(BOT);
		result.setChildElement("score", NS);

		router(scores).route(result);

		assertThat(this.template.sent()).isEmpty();
		assertThat(scores.calls).isZero();
	}

	private StanzaRouter router(Object handlers) {
		return TestRouting.router(this.template, handlers);
	}

	static class Echo {

		@OnMessage(body = "quiet")
		String quiet() {
			return null;
		}

		@OnMessage(body = "crash")
		String crash() {
			throw new IllegalStateException("secret detail");
		}

		@OnMessage(body = "!roll (?<sides>\\d+)")
		String roll(@Match("sides") int sides) {
			return "rolled " + sides;
		}

		@OnMessage
		String echo(@Body String body) {
			return "echo: " + body;
		}

	}

	static class Scores {

		volatile int calls;

		@OnIq(namespace = NS, element = "score", type = IqType.GET)
		Element score() {
			this.calls++;
			Element score = DocumentHelper.createElement(QName.get("score", NS));
			score.addElement("points").setText("42");
			return score;
		}

		@OnIq(namespace = NS, element = "reset", type = IqType.SET)
		void reset() {
			this.calls++;
		}

		@OnIq(namespace = NS, element = "own")
		IQ own(IQ request) {
			IQ result = IQ.createResultIQ(request);
			result.setChildElement("own", NS);
			return result;
		}

		@OnIq(namespace = NS, element = "forbidden")
		Packet forbidden(IQ request) {
			IQ error = IQ.createResultIQ(request);
			error.setType(IQ.Type.error);
			error.setError(Condition.forbidden);
			return error;
		}

		@OnIq(namespace = NS, element = "viaTemplate")
		void viaTemplate(IQ request, XmppTemplate template) {
			template.send(IQ.createResultIQ(request));
		}

		@OnIq(namespace = NS, element = "missing")
		Element missing() {
			throw new XmppErrorException(Condition.item_not_found, "x");
		}

		@OnIq(namespace = NS, element = "crash")
		void crash() {
			throw new IllegalStateException("secret detail");
		}

	}

	static class Later {

		final CompletableFuture<String> message = new CompletableFuture<>();

		final CompletableFuture<Element> iq = new CompletableFuture<>();

		@OnMessage(body = "later")
		CompletableFuture<String> message() {
			return this.message;
		}

		@OnIq(namespace = NS, element = "later")
		CompletableFuture<Element> iq() {
			return this.iq;
		}

		@OnIq(namespace = NS, element = "chained")
		CompletableFuture<Element> chained() {
			return this.iq.thenApply((element) -> {
				throw new XmppErrorException(Condition.conflict, "taken");
			});
		}

	}

	static class Failing {

		volatile int calls;

		@OnMessage(type = MessageType.ERROR)
		String bounced() {
			this.calls++;
			throw new IllegalStateException("must not be answered");
		}

		@OnPresence(type = PresenceType.ERROR)
		void presenceError() {
			this.calls++;
			throw new IllegalStateException("must not be answered");
		}

		@OnIq(namespace = NS)
		void neverCalled() {
			throw new AssertionError("an IQ error is not a request");
		}

	}

	static class Presences {

		@OnPresence(type = PresenceType.SUBSCRIBE)
		Presence subscribe() {
			return new Presence(Presence.Type.subscribed);
		}

	}

	static class ErrorReplies {

		@OnMessage(type = MessageType.ERROR)
		String bounced() {
			return "sorry";
		}

		@OnPresence(type = PresenceType.ERROR)
		Presence presenceError() {
			return new Presence(Presence.Type.unavailable);
		}

	}

	static class Ambiguous {

		@OnMessage(body = "!.*")
		String commands() {
			return "commands";
		}

		@OnMessage(body = ".*help.*")
		String help() {
			return "help";
		}

	}

}
