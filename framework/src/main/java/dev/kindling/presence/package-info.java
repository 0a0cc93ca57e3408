/**
 * Presence and one-to-one chat: subscriptions to the component's addresses with a roster of
 * subscribers, the bot's own presence, chat states (XEP-0085) and message receipts (XEP-0184).
 */
@NullMarked
package dev.kindling.presence;

import org.jspecify.annotations.NullMarked;
