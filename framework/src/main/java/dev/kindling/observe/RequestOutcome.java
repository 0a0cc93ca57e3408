package dev.kindling.observe;

/**
 * How one of the component's own IQ requests ended.
 */
public enum RequestOutcome {

	/** Answered with a {@code result}. */
	RESULT,

	/** Answered with an {@code error}. */
	ERROR,

	/** No answer within the timeout. */
	TIMEOUT,

	/** Not sent, or the stream was lost while waiting. */
	NOT_SENT

}
