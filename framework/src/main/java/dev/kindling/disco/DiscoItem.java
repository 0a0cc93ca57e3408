package dev.kindling.disco;

import org.jspecify.annotations.Nullable;
import org.xmpp.packet.JID;

/**
 * One entry of a disco#items answer.
 *
 * @param jid the item's address
 * @param name a human-readable name, if any
 * @param node the item's node, if any
 */
public record DiscoItem(JID jid, @Nullable String name, @Nullable String node) {
}
