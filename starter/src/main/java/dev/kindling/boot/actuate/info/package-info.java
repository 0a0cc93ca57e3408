/**
 * Actuator support: the component's info.
 */
@NullMarked
package dev.kindling.boot.actuate.info;

import org.jspecify.annotations.NullMarked;
