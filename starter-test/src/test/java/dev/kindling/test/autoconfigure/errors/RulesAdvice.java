package dev.kindling.test.autoconfigure.errors;

import org.springframework.core.annotation.Order;
import org.xmpp.packet.IQ;

import dev.kindling.ErrorCondition;
import dev.kindling.XmppErrorException;
import dev.kindling.handler.XmppAdvice;
import dev.kindling.handler.XmppExceptionHandler;
import dev.kindling.test.autoconfigure.errors.GameHandlers.AnsweredException;
import dev.kindling.test.autoconfigure.errors.GameHandlers.BrokenRuleException;
import dev.kindling.test.autoconfigure.errors.GameHandlers.GameException;
import dev.kindling.test.autoconfigure.errors.GameHandlers.LoggedException;
import dev.kindling.test.autoconfigure.errors.GameHandlers.OutOfRangeException;

/** The first advice: every {@link GameException} is a {@code not-acceptable}, with a few special cases. */
@XmppAdvice
@Order(1)
class RulesAdvice {

	@XmppExceptionHandler
	XmppErrorException rule(GameException ex) {
		return new XmppErrorException(ErrorCondition.NOT_ACCEPTABLE, ex.getMessage());
	}

	/** Never used for {@link GameHandlers}: its own method comes first. */
	@XmppExceptionHandler(OutOfRangeException.class)
	String outOfRange() {
		return "the advice's answer";
	}

	@XmppExceptionHandler
	void logged(LoggedException ex) {
	}

	@XmppExceptionHandler
	IQ answered(AnsweredException ex, IQ request) {
		return IQ.createResultIQ(request);
	}

	@XmppExceptionHandler
	String broken(BrokenRuleException ex) {
		throw new IllegalStateException("a bug in the exception handler");
	}

}
