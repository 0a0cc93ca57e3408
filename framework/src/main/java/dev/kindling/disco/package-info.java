/**
 * Service discovery (XEP-0030): the component's identity and features, and the items other
 * modules contribute.
 */
@NullMarked
package dev.kindling.disco;

import org.jspecify.annotations.NullMarked;
