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
	 * Connected, but none of its probes came back: the server gave the session no slot (more
	 * sessions than {@code component_number}). It gets no traffic and reconnects to try again, and
	 * stays in this state through the retries until a connect finds a slot free: a spare that takes
	 * the slot of a replica that left.
	 */
	NO_SLOT

}
