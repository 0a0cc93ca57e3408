/**
 * What happens to stanzas, for metrics, traces and tests: a {@link dev.kindling.observe.StanzaObserver}
 * sees every stanza received, written or dropped, every handler invocation and every IQ request of
 * the component's own. Handler invocations and IQ requests are also Micrometer
 * {@link io.micrometer.observation.Observation}s ({@link dev.kindling.observe.XmppObservationDocumentation}),
 * made only when the {@link io.micrometer.observation.ObservationRegistry} observes anything.
 */
@NullMarked
package dev.kindling.observe;

import org.jspecify.annotations.NullMarked;
