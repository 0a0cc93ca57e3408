package dev.kindling.test.autoconfigure.errors;

import org.springframework.core.annotation.Order;

import dev.kindling.handler.XmppAdvice;
import dev.kindling.handler.XmppExceptionHandler;
import dev.kindling.test.autoconfigure.errors.GameHandlers.NotYourTurnException;

/**
 * The second advice: its method is more specific than {@link RulesAdvice#rule}, but advice beans
 * are tried in their order, so it never answers {@link GameHandlers}.
 */
@XmppAdvice
@Order(2)
class FallbackAdvice {

	@XmppExceptionHandler
	String notYourTurn(NotYourTurnException ex) {
		return "the second advice's answer";
	}

}
