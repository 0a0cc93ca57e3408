/**
 * Extension payloads bound to Java records and back: {@link dev.kindling.payload.XmppPayload}
 * declares the element, {@link dev.kindling.payload.PayloadMapper} converts, and
 * {@link dev.kindling.payload.PayloadHandlerMethodConfigurer} lets handlers take and return them.
 */
@NullMarked
package dev.kindling.payload;

import org.jspecify.annotations.NullMarked;
