package dev.kindling.pubsub;

import org.dom4j.Element;
import org.jspecify.annotations.Nullable;
import org.xmpp.packet.JID;

/**
 * One pubsub notification, per item.
 *
 * @param service the pubsub service that sent it
 * @param node the node
 * @param kind what happened
 * @param itemId the item's id, for {@link Kind#ITEM} and {@link Kind#RETRACT}
 * @param payload the item's payload, for {@link Kind#ITEM} when the node delivers payloads
 * @param publisher who published the item, when the service says
 */
public record PubSubEvent(JID service, String node, Kind kind, @Nullable String itemId, @Nullable Element payload,
		@Nullable String publisher) {

	/** What a notification reports. */
	public enum Kind {

		/** An item was published. */
		ITEM,

		/** An item was retracted. */
		RETRACT,

		/** Every item of the node was removed. */
		PURGE,

		/** The node was deleted. */
		DELETE

	}

}
