/**
 * Actuator support: the component's metrics.
 */
@NullMarked
package dev.kindling.boot.actuate.metrics;

import org.jspecify.annotations.NullMarked;
