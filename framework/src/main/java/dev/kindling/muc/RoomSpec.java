package dev.kindling.muc;

import org.jspecify.annotations.Nullable;
import org.xmpp.forms.DataForm;
import org.xmpp.packet.JID;

/**
 * A room to be in and how.
 *
 * @param room the room's bare JID, {@code lobby@conference.example.com}
 * @param nick the nick to join with
 * @param joinAs the component address that is the occupant, e.g. {@code referee@bot.example.com};
 * a resource is added from the nick when it has none
 * @param required whether the application is unhealthy while it is not in this room
 * @param configuration the configuration form submitted when the bot creates the room; {@code null}
 * submits the instant-room form (the service's defaults)
 */
public record RoomSpec(JID room, String nick, JID joinAs, boolean required, @Nullable DataForm configuration) {

	public RoomSpec {
		if (room.getNode() == null || room.getResource() != null) {
			throw new IllegalArgumentException("A room is a bare JID with a local part, e.g. lobby@conference.example.com; got '"
					+ room + "'");
		}
		if (nick.isBlank()) {
			throw new IllegalArgumentException("A room nick must not be blank");
		}
		if (joinAs.getResource() == null) {
			joinAs = new JID(joinAs.getNode(), joinAs.getDomain(), nick);
		}
	}

	public static RoomSpec of(JID room, String nick, JID joinAs) {
		return new RoomSpec(room, nick, joinAs, false, null);
	}

	public RoomSpec required(boolean required) {
		return new RoomSpec(this.room, this.nick, this.joinAs, required, this.configuration);
	}

	public RoomSpec configuration(@Nullable DataForm configuration) {
		return new RoomSpec(this.room, this.nick, this.joinAs, this.required, configuration);
	}

}
