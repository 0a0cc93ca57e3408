package dev.kindling.devserver;

/**
 * Prosody could not be started, stopped or configured. The message includes the tail of
 * Prosody's output where that helps.
 */
public class ProsodyException extends RuntimeException {

	public ProsodyException(String message) {
		super(message);
	}

	public ProsodyException(String message, Throwable cause) {
		super(message, cause);
	}

}
