/**
 * What goes out: sending stanzas and IQ requests correlated with their answers.
 */
@NullMarked
package dev.kindling.template;

import org.jspecify.annotations.NullMarked;
