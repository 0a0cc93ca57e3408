package dev.kindling.pubsub;

import java.util.Locale;

import org.xmpp.packet.JID;

/**
 * An entity's affiliation with a node.
 *
 * @param node the node
 * @param jid the affiliated address (the component's own for {@link PubSubTemplate#affiliations()})
 * @param type the affiliation
 */
public record Affiliation(String node, JID jid, Type type) {

	/** XEP-0060 affiliations. */
	public enum Type {

		OWNER, PUBLISHER, PUBLISH_ONLY, MEMBER, NONE, OUTCAST;

		public String toXmpp() {
			return name().toLowerCase(Locale.ROOT).replace('_', '-');
		}

		static Type of(String value) {
			return valueOf(value.toUpperCase(Locale.ROOT).replace('-', '_'));
		}

	}

}
