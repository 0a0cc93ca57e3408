package dev.kindling.test.autoconfigure.docs.operations;

// tag::contributor[]
import org.springframework.context.annotation.Bean;

import dev.kindling.health.XmppHealthContributor;
import dev.kindling.muc.MucRooms;
import dev.kindling.muc.Room;

// end::contributor[]
class HealthConfiguration {

	// tag::contributor[]
	@Bean
	XmppHealthContributor gameRooms(MucRooms rooms) {
		return (report) -> {
			long joined = rooms.rooms().stream().filter(Room::isJoined).count();
			report.detail("gameRooms", joined);
			if (joined == 0) {
				report.down("no game room joined");
			}
		};
	}
	// end::contributor[]

}
