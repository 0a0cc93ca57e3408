package dev.kindling.observe;

/**
 * Why a stanza was dropped.
 */
public enum DropReason {

	/** Inbound: the dispatch queues were full. */
	OVERLOAD,

	/** Inbound: the sender exceeded its rate limit ({@code xmpp.dispatch.rate-limit.*}). */
	RATE_LIMITED,

	/** Inbound: the component was stopping. */
	SHUTDOWN,

	/** Outbound: queued for writing, but the stream was lost first. */
	CONNECTION_LOST

}
