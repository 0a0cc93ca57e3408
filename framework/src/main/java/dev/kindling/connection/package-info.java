/**
 * The XEP-0114 stream to the server: handshake, reader and writer threads, reconnects with
 * backoff, liveness pings, and the connection state with its events.
 */
@NullMarked
package dev.kindling.connection;

import org.jspecify.annotations.NullMarked;
