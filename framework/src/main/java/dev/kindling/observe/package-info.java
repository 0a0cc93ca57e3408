/**
 * What happens to stanzas, for metrics, traces and tests: a {@link dev.kindling.observe.StanzaObserver}
 * sees every stanza received, written or dropped, every handler invocation and every IQ request of
 * the component's own.
 */
@NullMarked
package dev.kindling.observe;

import org.jspecify.annotations.NullMarked;
