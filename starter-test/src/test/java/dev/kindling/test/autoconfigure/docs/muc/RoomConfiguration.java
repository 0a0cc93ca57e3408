package dev.kindling.test.autoconfigure.docs.muc;

// tag::configure[]
import org.xmpp.forms.DataForm;

import dev.kindling.forms.FormBuilder;
import dev.kindling.muc.Room;

// end::configure[]
class RoomConfiguration {

	void rename(Room room) {
		// tag::configure[]
		DataForm form = room.requestConfiguration().join();
		room.submitConfiguration(FormBuilder.answering(form)
				.text("muc#roomconfig_roomname", "The Lobby")
				.bool("muc#roomconfig_persistentroom", true)
				.build());
		// end::configure[]
	}

}
