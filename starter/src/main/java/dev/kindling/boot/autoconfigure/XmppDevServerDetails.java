package dev.kindling.boot.autoconfigure;

import java.util.Map;

/**
 * What a client needs to know of the running dev server, as a bean while
 * {@code xmpp.dev-server.enabled=true}. Application code reads it through
 * {@code ObjectProvider<XmppDevServerDetails>}, so it still runs where the dev server module is
 * absent (a production image).
 */
public interface XmppDevServerDetails {

	/** The users' XMPP domain. */
	String domain();

	/** The MUC service's domain. */
	String mucDomain();

	/** The pubsub service's domain. */
	String pubsubDomain();

	/** The WebSocket endpoint ({@code ws://…}). */
	String websocketUrl();

	/** The BOSH endpoint ({@code http://…}). */
	String boshUrl();

	/** The demo users: name to password. */
	Map<String, String> users();

}
