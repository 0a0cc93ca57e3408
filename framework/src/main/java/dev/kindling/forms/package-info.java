/**
 * Data forms (XEP-0004): a typed builder and reader on top of Tinder's {@link org.xmpp.forms.DataForm},
 * used by room configuration and by anything else that exchanges forms.
 */
@NullMarked
package dev.kindling.forms;

import org.jspecify.annotations.NullMarked;
