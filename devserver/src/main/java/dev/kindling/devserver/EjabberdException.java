package dev.kindling.devserver;

/**
 * ejabberd could not be started, stopped, configured or commanded. The message includes the
 * tail of ejabberd's output where that helps.
 */
public class EjabberdException extends RuntimeException {

	public EjabberdException(String message) {
		super(message);
	}

	public EjabberdException(String message, Throwable cause) {
		super(message, cause);
	}

}
