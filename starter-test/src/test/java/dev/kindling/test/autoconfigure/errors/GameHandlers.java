package dev.kindling.test.autoconfigure.errors;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.dom4j.Element;
import org.springframework.stereotype.Component;

import dev.kindling.handler.Body;
import dev.kindling.handler.IqType;
import dev.kindling.handler.Match;
import dev.kindling.handler.MessageType;
import dev.kindling.handler.OnIq;
import dev.kindling.handler.OnMessage;
import dev.kindling.handler.XmppExceptionHandler;

/**
 * Handlers whose rule violations are exceptions, answered by their own exception handler
 * ({@link OutOfRangeException}) and by the advice beans (the other {@link GameException}s).
 */
@Component
class GameHandlers {

	static final String NAMESPACE = "urn:test:errors";

	@OnMessage(type = MessageType.CHAT, body = "!play (?<cell>-?\\d+)")
	String play(@Match("cell") int cell) {
		return "played " + judge(cell);
	}

	/** Judges later, on another thread: a failed future goes to the same exception handlers. */
	@OnMessage(type = MessageType.CHAT, body = "!later (?<cell>-?\\d+)")
	CompletableFuture<String> later(@Match("cell") int cell) {
		return CompletableFuture.supplyAsync(() -> "played " + judge(cell),
				CompletableFuture.delayedExecutor(10, TimeUnit.MILLISECONDS));
	}

	@OnIq(namespace = NAMESPACE, element = "play", type = IqType.SET)
	void play(Element play) {
		judge(Integer.parseInt(play.attributeValue("cell")));
	}

	@OnMessage(type = MessageType.CHAT, body = "!crash")
	String crash(@Body String body) {
		throw new IllegalStateException("a bug in " + body);
	}

	/** This bean's own: tried before {@link RulesAdvice#outOfRange()}. */
	@XmppExceptionHandler
	String outOfRange(OutOfRangeException ex) {
		return "Out of range: " + ex.getMessage();
	}

	private static int judge(int cell) {
		return switch (cell) {
			case 4 -> throw new NotYourTurnException();
			case 5 -> throw new LoggedException();
			case 6 -> throw new AnsweredException();
			case 7 -> throw new BrokenRuleException();
			default -> {
				if (cell < 0 || cell > 8) {
					throw new OutOfRangeException(cell);
				}
				yield cell;
			}
		};
	}

	static class GameException extends RuntimeException {

		GameException(String message) {
			super(message);
		}

	}

	static class OutOfRangeException extends GameException {

		OutOfRangeException(int cell) {
			super(cell + " is not a cell from 0 to 8");
		}

	}

	static class NotYourTurnException extends GameException {

		NotYourTurnException() {
			super("It is not your turn");
		}

	}

	/** Answered by an exception handler returning {@code void}. */
	static class LoggedException extends GameException {

		LoggedException() {
			super("Only logged");
		}

	}

	/** Answered by an exception handler returning the IQ's result. */
	static class AnsweredException extends GameException {

		AnsweredException() {
			super("Answered with a result");
		}

	}

	/** Its exception handler fails itself. */
	static class BrokenRuleException extends GameException {

		BrokenRuleException() {
			super("A rule whose exception handler is broken");
		}

	}

}
