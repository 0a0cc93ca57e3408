package dev.kindling.test.autoconfigure.docs.adhoc;

// tag::command[]
import org.springframework.stereotype.Component;

import dev.kindling.adhoc.AdHocCommand;
import dev.kindling.adhoc.CommandField;
import dev.kindling.adhoc.CommandRequest;
import dev.kindling.adhoc.CommandStep;
import dev.kindling.muc.MucRooms;
import dev.kindling.muc.Room;

@Component
class AdminCommands {

	private final MucRooms rooms;

	AdminCommands(MucRooms rooms) {
		this.rooms = rooms;
	}

	@AdHocCommand(node = "announce", name = "Send an announcement", allowed = "${bot.admins}")
	CommandStep announce(CommandRequest request) {
		if (request.stage() == 0) {                                   // execute: ask
			return CommandStep.next("Announcement", CommandField.multiline("text", "Text"));
		}
		if (request.stage() == 1) {                                   // next: confirm
			request.session().put("text", request.required("text"));
			return CommandStep.last("Send it?", CommandField.note(request.required("text")),
					CommandField.bool("confirm", "Send"));
		}
		if ("true".equals(request.value("confirm")) || "1".equals(request.value("confirm"))) {
			String text = (String) request.session().get("text");
			rooms.rooms().stream().filter(Room::isJoined).forEach((room) -> room.send(text));
			return CommandStep.done("Sent");
		}
		return CommandStep.done("Not sent");
	}

}
// end::command[]
