/**
 * Between the reader thread and the handlers: per-sender ordering on a bounded pool with bounded
 * queues.
 */
@NullMarked
package dev.kindling.dispatch;

import org.jspecify.annotations.NullMarked;
