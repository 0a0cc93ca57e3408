package dev.kindling.muc;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.kindling.handler.HandlerCheck;
import dev.kindling.handler.HandlerDefinitionException;
import dev.kindling.handler.StanzaHandler;
import dev.kindling.handler.StanzaKind;

/**
 * A {@code room} filter should name a room the bot is in, or the handler never fires. A name one or
 * two letters away from a configured room ({@code room = "loby"} next to {@code lobby}) is a typo
 * and fails startup. Any other unknown room is only logged (WARN): the bot may join it at run time
 * ({@link MucRooms#join}) or be invited there.
 */
public final class RoomFilterCheck implements HandlerCheck {

	private static final Logger logger = LoggerFactory.getLogger(RoomFilterCheck.class);

	/** Letters a typo may differ by. */
	private static final int TYPO = 2;

	private final Set<String> names = new TreeSet<>();

	public RoomFilterCheck(List<RoomSpec> rooms) {
		for (RoomSpec room : rooms) {
			this.names.add(room.room().toBareJID());
			this.names.add(room.room().getNode());
		}
	}

	@Override
	public void check(List<StanzaHandler> handlers) {
		for (StanzaHandler handler : handlers) {
			for (String room : handler.rooms()) {
				if (this.names.contains(room)) {
					continue;
				}
				String takes = (handler.kind() == StanzaKind.PRESENCE) ? " takes occupant changes in room '"
						: " takes messages from room '";
				String problem = handler.name() + takes + room
						+ "', which is not among the configured rooms (xmpp.muc.rooms: "
						+ (this.names.isEmpty() ? "none" : String.join(", ", this.names)) + ")";
				String meant = closest(room);
				if (meant != null) {
					throw new HandlerDefinitionException(problem + "; did you mean '" + meant + "'?");
				}
				logger.warn("{}; it fires only once the bot joins that room at run time or is invited there", problem);
			}
		}
	}

	private @Nullable String closest(String room) {
		for (String name : this.names) {
			if (distance(room, name) <= TYPO) {
				return name;
			}
		}
		return null;
	}

	/** Levenshtein distance: letters inserted, deleted or replaced. */
	static int distance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int replace = previous[j - 1] + ((a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1);
				current[j] = Math.min(replace, Math.min(previous[j], current[j - 1]) + 1);
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

}
