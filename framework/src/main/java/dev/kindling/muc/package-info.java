/**
 * Multi-user chat (XEP-0045) for components: joining rooms as any address of the component's
 * domain, a live view of each room, moderation, and the handler arguments and filters that keep
 * history and the bot's own reflections away from command handlers.
 */
@NullMarked
package dev.kindling.muc;

import org.jspecify.annotations.NullMarked;
