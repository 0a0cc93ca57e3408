/**
 * Actuator support: the component's health.
 */
@NullMarked
package dev.kindling.boot.actuate.health;

import org.jspecify.annotations.NullMarked;
