package dev.kindling.connection;

import java.time.Duration;
import java.util.function.Consumer;

import dev.kindling.observe.StanzaObserver;

/**
 * Opens the component's streams: the wire under {@link ComponentConnection}. {@link #TCP}, the
 * default, is XEP-0114 over a socket. The test kit plugs an in-memory wire into the same
 * connection, so connecting, losing the stream, backoff, events and the outbound queue behave in
 * tests exactly as in production.
 */
@FunctionalInterface
public interface ComponentTransport {

	/** A socket to the server's component port, authenticated with the XEP-0114 handshake. */
	ComponentTransport TCP = ComponentStream::open;

	/**
	 * Open and authenticate one stream; its threads must not start yet.
	 * @throws ComponentConnectException when no stream could be established; the connection retries
	 * after its backoff
	 */
	Wire open(ComponentEndpoint endpoint, ConnectionSettings settings);

	/**
	 * One open stream. {@link ComponentConnection} opens the {@link OutboundQueue} before
	 * {@link #start} and closes it when the stream ends.
	 */
	interface Wire {

		/** The id the server gave the stream. */
		String streamId();

		/**
		 * Start moving stanzas: hand each inbound stanza to {@code observer.received} and then to
		 * {@code listener.onStanza}; drain {@code outbound} with
		 * {@link OutboundQueue#takeBatch(java.util.List, int, Duration)} and tell
		 * {@code observer.sent} of each stanza written.
		 * @param onLoss to be told once, from any thread, when the stream breaks; never after
		 * {@link #close} or {@link #abort}
		 */
		void start(StanzaListener listener, OutboundQueue outbound, StanzaObserver observer, Consumer<Throwable> onLoss);

		/**
		 * A planned stop begins: ask the server to stop routing to this stream and hold the
		 * domain's stanzas for the next session, if it can, and wait up to {@code timeout} for its
		 * answer. {@link #close} then relies on it, or falls back to its own barrier.
		 * @return whether the server holds: everything it routed here before has been read
		 */
		default boolean hold(Duration timeout) {
			return false;
		}

		/**
		 * Send the ping that closes a drain (everything routed before its answer has been read) from
		 * and to {@code address}, an address of the component's own domain that the server routes
		 * back to this stream, instead of to the server. With several replicas of one domain the
		 * server's answers reach whichever replica its own address hashes to.
		 */
		default void routeBarrierThrough(String address) {
		}

		/** End the stream politely, waiting up to {@code timeout} for the write in progress. */
		void close(Duration timeout);

		/** Drop the stream at once: it is broken or declared dead. */
		void abort();

	}

}
