package dev.kindling.handler;

import java.util.List;

/**
 * Checks the routing table once it is built at startup, for mistakes that only another module can
 * see, such as a {@code room} filter naming a room the bot is not configured for. Declare it as a
 * bean; throw a {@link HandlerDefinitionException} naming the handler to fail startup.
 */
@FunctionalInterface
public interface HandlerCheck {

	void check(List<StanzaHandler> handlers);

}
