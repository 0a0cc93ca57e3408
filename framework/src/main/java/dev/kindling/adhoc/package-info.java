/**
 * Ad-hoc commands (XEP-0050): {@link dev.kindling.adhoc.AdHocCommand @AdHocCommand} methods listed
 * in service discovery and executed in steps with data forms.
 */
@NullMarked
package dev.kindling.adhoc;

import org.jspecify.annotations.NullMarked;
