/**
 * Kindling: XMPP bots and XEP-0114 external components as Spring beans.
 *
 * <p>The flow runs through the packages in order: {@code connection} (the stream to the server)
 * → {@code dispatch} (per-sender ordering, bounded queues) → {@code routing} (which handler, error
 * mapping) → {@code handler} (annotations, argument binding, return values) → {@code template}
 * (what goes back out).
 */
@NullMarked
package dev.kindling;

import org.jspecify.annotations.NullMarked;
