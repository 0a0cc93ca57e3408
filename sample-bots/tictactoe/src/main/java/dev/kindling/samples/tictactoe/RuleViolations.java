package dev.kindling.samples.tictactoe;

import dev.kindling.ErrorCondition;
import dev.kindling.XmppErrorException;
import dev.kindling.handler.XmppAdvice;
import dev.kindling.handler.XmppExceptionHandler;

/**
 * A broken rule of the game, wherever a handler meets it, as the protocol's stanza error for it
 * (docs/protocol/tictactoe.md): the referee's handlers throw, this advice answers.
 */
@XmppAdvice
class RuleViolations {

	@XmppExceptionHandler
	XmppErrorException illegalMove(TicTacToe.IllegalMoveException ex) {
		ErrorCondition condition = switch (ex.violation()) {
			case OUT_OF_RANGE -> ErrorCondition.BAD_REQUEST;
			case CELL_TAKEN -> ErrorCondition.NOT_ACCEPTABLE;
			case NOT_YOUR_TURN -> ErrorCondition.NOT_ALLOWED;
			case GAME_OVER -> ErrorCondition.UNEXPECTED_REQUEST;
		};
		return new XmppErrorException(condition, ex.getMessage());
	}

}
