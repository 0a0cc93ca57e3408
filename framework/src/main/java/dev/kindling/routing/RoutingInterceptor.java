package dev.kindling.routing;

import org.xmpp.packet.Packet;

/**
 * Sees every inbound stanza (but answers to the component's own requests) on its sender's lane,
 * before the handlers. Modules such as MUC use it to keep state from stanzas no handler should
 * see, and to keep error answers away from peers that punish them.
 */
public interface RoutingInterceptor {

	/**
	 * Whether the stanza goes on to the handlers. {@code false} consumes it: no handler runs and no
	 * error answers it.
	 */
	boolean preRoute(Packet stanza);

	/**
	 * Whether an error may be sent in answer to this stanza (unhandled, or a handler failed). A MUC
	 * room kicks the occupant that sends an error to another occupant, for one.
	 */
	default boolean mayAnswerWithError(Packet stanza) {
		return true;
	}

}
