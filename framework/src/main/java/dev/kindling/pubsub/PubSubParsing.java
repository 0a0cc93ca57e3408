package dev.kindling.pubsub;

import java.util.ArrayList;
import java.util.List;

import org.dom4j.Element;
import org.jspecify.annotations.Nullable;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;

/** Reads the elements pubsub answers and events carry. */
final class PubSubParsing {

	private PubSubParsing() {
	}

	static PubSubItem item(String node, Element item) {
		List<Element> children = item.elements();
		Element payload = children.isEmpty() ? null : children.get(0).createCopy();
		return new PubSubItem(node, String.valueOf(item.attributeValue("id")), payload, item.attributeValue("publisher"));
	}

	static Subscription subscription(@Nullable String node, Element subscription) {
		String on = (subscription.attributeValue("node") != null) ? subscription.attributeValue("node") : node;
		return new Subscription(String.valueOf(on), new JID(subscription.attributeValue("jid")),
				Subscription.State.of(subscription.attributeValue("subscription")), subscription.attributeValue("subid"));
	}

	static List<Subscription> subscriptions(@Nullable String node, IQ result) {
		List<Subscription> found = new ArrayList<>();
		Element pubsub = result.getChildElement();
		Element list = (pubsub != null) ? pubsub.element("subscriptions") : null;
		if (list != null) {
			for (Element subscription : list.elements("subscription")) {
				found.add(subscription(node, subscription));
			}
		}
		return found;
	}

	static List<Affiliation> affiliations(@Nullable String node, JID self, IQ result) {
		List<Affiliation> found = new ArrayList<>();
		Element pubsub = result.getChildElement();
		Element list = (pubsub != null) ? pubsub.element("affiliations") : null;
		if (list != null) {
			for (Element affiliation : list.elements("affiliation")) {
				String on = (affiliation.attributeValue("node") != null) ? affiliation.attributeValue("node") : node;
				String jid = affiliation.attributeValue("jid");
				found.add(new Affiliation(String.valueOf(on), (jid != null) ? new JID(jid) : self,
						Affiliation.Type.of(affiliation.attributeValue("affiliation"))));
			}
		}
		return found;
	}

}
