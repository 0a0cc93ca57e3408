/**
 * Proving the stream alive with XEP-0199 pings to the server, and rebuilding it when they go
 * unanswered (a frozen server keeps the socket open but answers nothing).
 */
@NullMarked
package dev.kindling.liveness;

import org.jspecify.annotations.NullMarked;
