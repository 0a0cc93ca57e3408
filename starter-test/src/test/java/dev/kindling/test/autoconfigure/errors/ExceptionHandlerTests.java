package dev.kindling.test.autoconfigure.errors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.xmpp.packet.IQ;
import org.xmpp.packet.Message;
import org.xmpp.packet.PacketError.Condition;

import dev.kindling.observe.HandlerOutcome;
import dev.kindling.test.SentStanzas;
import dev.kindling.test.Stanzas;
import dev.kindling.test.XmppTestHarness;
import dev.kindling.test.autoconfigure.XmppComponentTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @XmppExceptionHandler} methods on the handler bean and in {@code @XmppAdvice} beans,
 * through production's router: which one answers, what its return value becomes, and the outcome
 * the observers see.
 */
@XmppComponentTest
@Import(OutcomeRecorder.class)
class ExceptionHandlerTests {

	private static final String ALICE = "alice@localhost/a";

	@Autowired
	XmppTestHarness harness;

	@Autowired
	OutcomeRecorder recorder;

	@BeforeEach
	void clearOutcomes() {
		this.recorder.outcomes.clear();
	}

	@Test
	void theHandlerBeansOwnMethodWinsOverTheAdvice() {
		assertThat(this.harness.send(Stanzas.chat(ALICE, "bot.test", "!play 9"))).singleMessage()
			.hasType(Message.Type.chat)
			.isTo(ALICE)
			.hasBody("Out of range: 9 is not a cell from 0 to 8");
		assertThat(this.recorder.outcomes).containsExactly(HandlerOutcome.REJECTED);
	}

	@Test
	void theMostSpecificExceptionTypeOfABeanWins() {
		// RulesAdvice takes GameException and, more specifically, BrokenRuleException; the latter answers (and fails).
		assertThat(this.harness.send(Stanzas.chat(ALICE, "bot.test", "!play 7"))).singleMessage()
			.hasErrorCondition(Condition.internal_server_error);
		// ...while NotYourTurnException has only GameException's method there.
		assertThat(this.harness.send(Stanzas.chat(ALICE, "bot.test", "!play 4"))).singleMessage()
			.hasType(Message.Type.error)
			.hasErrorCondition(Condition.not_acceptable);
	}

	@Test
	void adviceBeansAreTriedInTheirOrderBeforeSpecificity() {
		// FallbackAdvice (@Order(2)) has a method for NotYourTurnException itself, RulesAdvice (@Order(1)) the first say.
		IQ request = Stanzas.iqSet(ALICE, "bot.test", "<play xmlns='" + GameHandlers.NAMESPACE + "' cell='4'/>");

		SentStanzas answers = this.harness.send(request);

		assertThat(answers).singleIq().isError().hasId(request.getID()).hasErrorCondition(Condition.not_acceptable);
		assertThat(answers.iqs().get(0).getError().getText()).isEqualTo("It is not your turn");
		assertThat(this.recorder.outcomes).containsExactly(HandlerOutcome.REJECTED);
	}

	@Test
	void aFailedFutureGoesToTheSameExceptionHandlers() {
		assertThat(this.harness.send(Stanzas.chat(ALICE, "bot.test", "!later 9"))).singleMessage()
			.hasBody("Out of range: 9 is not a cell from 0 to 8");
		assertThat(this.harness.send(Stanzas.chat(ALICE, "bot.test", "!later 4"))).singleMessage()
			.hasErrorCondition(Condition.not_acceptable);
		assertThat(this.recorder.outcomes).containsExactly(HandlerOutcome.REJECTED, HandlerOutcome.REJECTED);
	}

	@Test
	void aStringAnswersInTheConversation() {
		Message chat = Stanzas.chat(ALICE, "referee@bot.test", "!play 12");
		chat.setThread("t1");

		Message reply = this.harness.send(chat).messages().get(0);

		assertThat(reply.getBody()).isEqualTo("Out of range: 12 is not a cell from 0 to 8");
		assertThat(reply.getThread()).isEqualTo("t1");
		assertThat(reply.getFrom()).hasToString("referee@bot.test");
	}

	@Test
	void anIqGetsExactlyOneAnswerWhateverTheExceptionHandlerReturns() {
		IQ logged = Stanzas.iqSet(ALICE, "bot.test", "<play xmlns='" + GameHandlers.NAMESPACE + "' cell='5'/>");
		assertThat(this.harness.send(logged)).singleIq().isError().hasId(logged.getID());

		IQ answered = Stanzas.iqSet(ALICE, "bot.test", "<play xmlns='" + GameHandlers.NAMESPACE + "' cell='6'/>");
		assertThat(this.harness.send(answered)).singleIq().isResult().hasId(answered.getID());

		// A String from an exception handler is the text of the error an IQ gets.
		IQ outOfRange = Stanzas.iqSet(ALICE, "bot.test", "<play xmlns='" + GameHandlers.NAMESPACE + "' cell='9'/>");
		SentStanzas answers = this.harness.send(outOfRange);
		assertThat(answers).singleIq().isError().hasId(outOfRange.getID());
		assertThat(answers.iqs().get(0).getError().getText()).isEqualTo("Out of range: 9 is not a cell from 0 to 8");
	}

	@Test
	void aVoidExceptionHandlerSendsNothingForAMessage() {
		assertThat(this.harness.send(Stanzas.chat(ALICE, "bot.test", "!play 5"))).isEmpty();
		assertThat(this.recorder.outcomes).containsExactly(HandlerOutcome.REJECTED);
	}

	@Test
	void anExceptionInsideAnExceptionHandlerIsMappedAndTheComponentGoesOn() {
		SentStanzas answers = this.harness.send(Stanzas.chat(ALICE, "bot.test", "!play 7"));

		assertThat(answers).singleMessage().hasErrorCondition(Condition.internal_server_error);
		assertThat(answers.messages().get(0).toXML()).doesNotContain("a bug in the exception handler");

		assertThat(this.harness.send(Stanzas.chat(ALICE, "bot.test", "!play 1"))).singleMessage().hasBody("played 1");
		assertThat(this.recorder.outcomes).containsExactly(HandlerOutcome.FAILURE, HandlerOutcome.SUCCESS);
	}

	@Test
	void aBugNoExceptionHandlerTakesIsAFailure() {
		// CatchAllAdvice applies to CatchAllHandlers only.
		assertThat(this.harness.send(Stanzas.chat(ALICE, "bot.test", "!crash"))).singleMessage()
			.hasErrorCondition(Condition.internal_server_error);
		assertThat(this.recorder.outcomes).containsExactly(HandlerOutcome.FAILURE);
	}

	@Test
	void aCatchAllAnswersButABugStaysAFailure() {
		assertThat(this.harness.send(Stanzas.chat(ALICE, "oops@bot.test", "hi"))).singleMessage()
			.hasBody("Sorry alice, that went wrong");
		assertThat(this.recorder.outcomes).containsExactly(HandlerOutcome.FAILURE);
	}

	@Test
	void anArgumentThatDoesNotConvertIsRejected() {
		assertThat(this.harness.send(Stanzas.chat(ALICE, "bot.test", "!play 99999999999"))).singleMessage()
			.hasType(Message.Type.chat).hasBody("cell must be a whole number from -2147483648 to 2147483647 (not \"99999999999\")");
		assertThat(this.recorder.outcomes).containsExactly(HandlerOutcome.REJECTED);
	}

}
