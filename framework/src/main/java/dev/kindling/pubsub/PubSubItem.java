package dev.kindling.pubsub;

import org.dom4j.Element;
import org.jspecify.annotations.Nullable;

/**
 * An item of a node.
 *
 * @param node the node it belongs to
 * @param id its id
 * @param payload its payload element, or {@code null} for a notification without payload
 * @param publisher who published it, when the service says
 */
public record PubSubItem(String node, String id, @Nullable Element payload, @Nullable String publisher) {
}
