package dev.kindling.replica;

/**
 * How the server spreads the component domain's stanzas over the sessions of its replicas: the
 * {@code type} of ejabberd's {@code domain_balancing}, which must be configured with
 * {@code component_number} set to the number of replicas.
 */
public enum Balancing {

	/** One active session per domain (Prosody, or ejabberd without balancing): nothing to do. */
	NONE,

	/**
	 * ejabberd's {@code bare_source}: a stanza goes to the replica of its sender's bare JID; for bots
	 * whose state is per user. Answers go by who answers, so they are forwarded to the asker.
	 */
	BARE_SOURCE,

	/**
	 * ejabberd's {@code bare_destination}: a stanza goes to the replica of the bare address it is
	 * sent to; for bots whose work has its own address (a game, a document).
	 */
	BARE_DESTINATION;

	/** Whether several replicas share the domain, so homes, forwards and room placement are needed. */
	public boolean isBalanced() {
		return this != NONE;
	}

	/** The value of ejabberd's {@code domain_balancing} {@code type} for this mode. */
	public String ejabberdType() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
