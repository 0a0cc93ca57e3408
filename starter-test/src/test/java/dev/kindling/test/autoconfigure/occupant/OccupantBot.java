package dev.kindling.test.autoconfigure.occupant;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.stereotype.Component;
import org.xmpp.packet.JID;
import org.xmpp.packet.Presence;

import dev.kindling.handler.From;
import dev.kindling.handler.XmppExceptionHandler;
import dev.kindling.muc.Nick;
import dev.kindling.muc.Occupant;
import dev.kindling.muc.OccupantEvent;
import dev.kindling.muc.OnOccupant;
import dev.kindling.muc.Previous;
import dev.kindling.muc.Room;
import dev.kindling.template.XmppTemplate;

/** A room bot that reacts to occupant changes with {@code @OnOccupant} methods. */
@SpringBootApplication
public class OccupantBot {

	@Component
	static class Greeter {

		final List<String> seen = new CopyOnWriteArrayList<>();

		final List<String> failures = new CopyOnWriteArrayList<>();

		@OnOccupant(kind = OccupantEvent.Kind.JOINED, room = "lobby")
		String greet(Room room, Occupant occupant, @Nick String nick, @From JID from, OccupantEvent event,
				Presence presence, @Previous @Nullable Occupant previous) {
			this.seen.add("joined " + nick + " in " + room.jid().getNode() + " from " + from + " as "
					+ occupant.role().toXmpp() + " (" + event.getKind() + ", " + presence.getType() + ", previous "
					+ previous + ")");
			return "Welcome, " + nick + "!";
		}

		@OnOccupant(kind = OccupantEvent.Kind.NICK_CHANGED)
		void renamed(Occupant occupant, @Previous Occupant previous, XmppTemplate template) {
			this.seen.add("renamed " + previous.nick() + " to " + occupant.nick());
		}

		@OnOccupant(kind = OccupantEvent.Kind.LEFT, room = "lobby@conference.localhost")
		void left(Occupant occupant) {
			if (occupant.nick().equals("mallory")) {
				throw new IllegalStateException("no goodbye for " + occupant.nick());
			}
			this.seen.add("left " + occupant.nick());
		}

		@OnOccupant(room = "elsewhere")
		void elsewhere(Occupant occupant) {
			this.seen.add("elsewhere " + occupant.nick());
		}

		@XmppExceptionHandler
		String failed(IllegalStateException ex) {
			this.failures.add(ex.getMessage());
			return "sorry";
		}

	}

}
