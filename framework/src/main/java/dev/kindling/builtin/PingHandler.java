package dev.kindling.builtin;

import dev.kindling.handler.IqType;
import dev.kindling.handler.OnIq;

/**
 * Answers XEP-0199 pings with an empty result.
 */
public class PingHandler {

	public static final String NAMESPACE = "urn:xmpp:ping";

	@OnIq(namespace = NAMESPACE, element = "ping", type = IqType.GET)
	public void ping() {
	}

}
