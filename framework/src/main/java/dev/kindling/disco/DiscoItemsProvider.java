package dev.kindling.disco;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.xmpp.packet.JID;

/**
 * Contributes items to disco#items answers: rooms, games, nodes, commands. Declare as a bean.
 */
@FunctionalInterface
public interface DiscoItemsProvider {

	/**
	 * The items for a disco#items request.
	 * @param requester who asks
	 * @param target the address asked about (the component's domain or one of its JIDs)
	 * @param node the node asked about, or {@code null}
	 */
	List<DiscoItem> items(JID requester, JID target, @Nullable String node);

}
