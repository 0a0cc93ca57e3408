package dev.kindling.muc;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.kindling.handler.HandlerCheck;
import dev.kindling.handler.HandlerDefinitionException;
import dev.kindling.handler.StanzaHandler;

/**
 * A {@code room} filter must name a room the bot is in, or the handler never fires: a typo such as
 * {@code room = "loby"} fails startup. When the bot accepts invitations, a room it may be invited
 * to later cannot be ruled out, so the mistake is only logged (WARN).
 */
public final class RoomFilterCheck implements HandlerCheck {

	private static final Logger logger = LoggerFactory.getLogger(RoomFilterCheck.class);

	private final Set<String> names = new TreeSet<>();

	private final boolean acceptInvitations;

	public RoomFilterCheck(List<RoomSpec> rooms, boolean acceptInvitations) {
		for (RoomSpec room : rooms) {
			this.names.add(room.room().toBareJID());
			this.names.add(room.room().getNode());
		}
		this.acceptInvitations = acceptInvitations;
	}

	@Override
	public void check(List<StanzaHandler> handlers) {
		for (StanzaHandler handler : handlers) {
			for (String room : handler.rooms()) {
				if (this.names.contains(room)) {
					continue;
				}
				String problem = handler.name() + " takes messages from room '" + room
						+ "', which is not among the configured rooms (xmpp.muc.rooms: "
						+ (this.names.isEmpty() ? "none" : String.join(", ", this.names)) + ")";
				if (!this.acceptInvitations) {
					throw new HandlerDefinitionException(problem + "; correct the name or configure the room");
				}
				logger.warn("{}; it fires only once the bot is invited there", problem);
			}
		}
	}

}
