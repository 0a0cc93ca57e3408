package dev.kindling.payload;

/**
 * A type cannot be used as a payload, or an element does not fit the type it should bind to.
 */
public class PayloadBindingException extends RuntimeException {

	public PayloadBindingException(String message) {
		super(message);
	}

	public PayloadBindingException(String message, Throwable cause) {
		super(message, cause);
	}

}
