/**
 * Actuator defaults for bots: probe groups, exposure, health details.
 */
@NullMarked
package dev.kindling.boot.actuate;

import org.jspecify.annotations.NullMarked;
