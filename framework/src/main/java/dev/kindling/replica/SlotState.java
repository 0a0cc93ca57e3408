package dev.kindling.replica;

/** Where a replica stands with the server's balancing. */
public enum SlotState {

	/** No stream, or not balanced yet. */
	DISCONNECTED,

	/** Connected; looking for its home address. */
	PROBING,

	/** Holds a slot: its home address is known and stanzas reach it. */
	HOME,

	/**
	 * A spare: none of its probes came back, so the server gave the session no slot (more sessions
	 * than {@code component_number}, deliberately or not). It gets no traffic, stands by and
	 * reconnects every {@code xmpp.component.standby.retry}, and stays in this state through the
	 * retries until a connect finds a slot free: it takes the slot of a replica that left.
	 * Healthy and ready, like a standby of a hand-over.
	 */
	SPARE

}
