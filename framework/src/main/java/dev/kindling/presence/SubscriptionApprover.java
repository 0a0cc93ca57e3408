package dev.kindling.presence;

import org.xmpp.packet.JID;

/** Decides subscription requests under {@link SubscriptionPolicy#ASK}. Runs on the requester's lane. */
@FunctionalInterface
public interface SubscriptionApprover {

	/**
	 * Whether {@code requester} may see the presence of {@code address}.
	 * @param address the bot's address that was asked (bare)
	 * @param requester who asks (bare)
	 */
	boolean approve(JID address, JID requester);

}
