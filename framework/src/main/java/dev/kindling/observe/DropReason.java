package dev.kindling.observe;

/**
 * Why a stanza was dropped.
 */
public enum DropReason {

	/** Inbound: the dispatch queues were full. */
	OVERLOAD,

	/** Inbound: the sender exceeded its rate limit ({@code xmpp.dispatch.rate-limit.*}). */
	RATE_LIMITED,

	/** Inbound: the component was stopping (a chat or normal message was answered with a wait error). */
	SHUTDOWN,

	/**
	 * Inbound: the server delivered it while a graceful stop was ending the stream (it routed the
	 * stanza before it read the end), so nothing could answer it. XEP-0114 has no way to stop the
	 * routing first.
	 */
	AFTER_STREAM_END,

	/** Outbound: queued for writing, but the stream was lost first. */
	CONNECTION_LOST

}
