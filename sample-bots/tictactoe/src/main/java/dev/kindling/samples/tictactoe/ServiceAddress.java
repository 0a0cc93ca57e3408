package dev.kindling.samples.tictactoe;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.xmpp.packet.JID;

/** The address of a server's service (MUC, pubsub) as a property gives it. */
final class ServiceAddress {

	private ServiceAddress() {
	}

	/**
	 * A service's address: a domain, with no user or resource; anything else fails startup naming
	 * the property.
	 * @param example a valid address for the message, such as {@code conference.example.com}
	 */
	static JID parse(String property, String value, String example) {
		try {
			JID jid = new JID(value);
			if (jid.getNode() == null && jid.getResource() == null) {
				return jid;
			}
		}
		catch (IllegalArgumentException ex) {
			// Reported below, as for an address with a user or resource.
		}
		throw new InvalidConfigurationPropertyValueException(property, value,
				"A service's domain, with no user or resource, e.g. " + example + ".");
	}

}
