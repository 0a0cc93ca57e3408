package dev.kindling.pubsub;

import org.jspecify.annotations.Nullable;
import org.xmpp.packet.JID;
import org.xmpp.packet.PacketError.Condition;

/**
 * What a refusal usually means, per operation: servers differ most in who may create and publish,
 * and the fix is then in the server's configuration rather than in the bot.
 */
final class PubSubHints {

	private PubSubHints() {
	}

	static @Nullable String hint(String operation, Condition condition, JID service, @Nullable JID from) {
		String sender = String.valueOf(from);
		if (condition == Condition.forbidden && operation.equals("create")) {
			return "The service " + service + " lets only its admins create nodes, matched on the bare sender " + sender
					+ ". On Prosody add \"" + sender + "\" to the 'admins' of the Component \"" + service
					+ "\" \"pubsub\" section (the Kindling dev server does); see docs/pubsub.md";
		}
		if (condition == Condition.forbidden) {
			return sender + " lacks the affiliation this needs on the node (owner, or publisher for publishing):"
					+ " create the node from " + sender + ", grant an affiliation, or change pubsub#publish_model";
		}
		if (condition == Condition.conflict && operation.equals("create")) {
			return "The node exists already; createNodeIfAbsent takes that as success";
		}
		if (condition == Condition.conflict && operation.equals("publish with options")) {
			return "The node's configuration does not meet the publish options (precondition-not-met)";
		}
		if (condition == Condition.item_not_found) {
			return "No such node on " + service;
		}
		if (condition == Condition.service_unavailable || condition == Condition.feature_not_implemented
				|| condition == Condition.remote_server_not_found) {
			return service + " does not offer this; is it a pubsub service? Check xmpp.pubsub.service";
		}
		return null;
	}

}
