/**
 * The {@link dev.kindling.test.autoconfigure.XmppComponentTest} slice: Kindling's auto-configuration
 * over the test kit's in-memory wire, with the harness as a bean.
 */
@NullMarked
package dev.kindling.test.autoconfigure;

import org.jspecify.annotations.NullMarked;
