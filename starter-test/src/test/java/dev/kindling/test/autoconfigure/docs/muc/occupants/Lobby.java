package dev.kindling.test.autoconfigure.docs.muc.occupants;

// tag::occupants[]
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import dev.kindling.muc.Nick;
import dev.kindling.muc.Occupant;
import dev.kindling.muc.OccupantEvent;
import dev.kindling.muc.OnOccupant;
import dev.kindling.muc.Previous;
import dev.kindling.muc.Room;

@Component
class Lobby {

	@OnOccupant(kind = OccupantEvent.Kind.JOINED, room = "lobby")
	String greet(@Nick String nick) {
		return "Welcome, " + nick + "!";                     // said in the room
	}

	@OnOccupant(kind = { OccupantEvent.Kind.ROLE_CHANGED, OccupantEvent.Kind.AFFILIATION_CHANGED })
	@Nullable String promoted(Room room, Occupant occupant, @Previous Occupant before) {
		return occupant.isModerator() && !before.isModerator() ? occupant.nick() + " now moderates." : null;
	}
}
// end::occupants[]
