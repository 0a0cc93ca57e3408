/**
 * Actuator support: the component's trace.
 */
@NullMarked
package dev.kindling.boot.actuate.trace;

import org.jspecify.annotations.NullMarked;
