/**
 * From a stanza to its handler and back: lookup, invocation (synchronous or by future), the one
 * place where exceptions become stanza errors, and the answers owed when no handler takes a stanza.
 */
@NullMarked
package dev.kindling.routing;

import org.jspecify.annotations.NullMarked;
