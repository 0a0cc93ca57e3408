package dev.kindling.handler;

/**
 * A handler method is declared in a way Kindling cannot honour; thrown at startup, naming the
 * method.
 */
public class HandlerDefinitionException extends IllegalStateException {

	public HandlerDefinitionException(String message) {
		super(message);
	}

}
