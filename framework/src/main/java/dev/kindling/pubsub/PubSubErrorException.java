package dev.kindling.pubsub;

import org.jspecify.annotations.Nullable;

import dev.kindling.XmppErrorException;

/**
 * The pubsub service refused an operation. Keeps the stanza error's condition and type, and says
 * which operation on which node failed, with a hint where the cause is usually the server's
 * configuration.
 */
public class PubSubErrorException extends XmppErrorException {

	private final String operation;

	private final @Nullable String node;

	private final @Nullable String hint;

	public PubSubErrorException(String operation, @Nullable String node, XmppErrorException cause, @Nullable String hint) {
		super(cause.getErrorCondition(), cause.getErrorType(), cause.getText());
		initCause(cause);
		this.operation = operation;
		this.node = node;
		this.hint = hint;
	}

	/** What was attempted, e.g. {@code create}, {@code publish}. */
	public String getOperation() {
		return this.operation;
	}

	public @Nullable String getNode() {
		return this.node;
	}

	@Override
	public String getMessage() {
		String what = "pubsub " + this.operation + ((this.node != null) ? " on node '" + this.node + "'" : "")
				+ " refused: " + super.getMessage();
		return (this.hint != null) ? what + ". " + this.hint : what;
	}

}
