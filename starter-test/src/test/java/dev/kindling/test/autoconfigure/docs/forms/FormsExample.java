package dev.kindling.test.autoconfigure.docs.forms;

// tag::forms[]
import java.util.List;

import org.xmpp.forms.DataForm;
import org.xmpp.packet.JID;

import dev.kindling.forms.FormBuilder;
import dev.kindling.forms.FormReader;

// end::forms[]
class FormsExample {

	boolean example(DataForm offered) {
		// tag::forms[]
		// Build: FORM_TYPE first, typed values (booleans as 1/0, JIDs as strings).
		DataForm config = FormBuilder.submit("http://jabber.org/protocol/muc#roomconfig")
			.bool("muc#roomconfig_persistentroom", true)
			.text("muc#roomconfig_roomname", "Lobby")
			.jids("muc#roomconfig_roomowners", List.of(new JID("alice@example.com")))
			.build();

		// Read: typed accessors; a value of the wrong type is a FormValidationException (bad-request).
		FormReader form = FormReader.of(config);
		boolean persistent = form.bool("muc#roomconfig_persistentroom").orElse(false);

		// Answer a form someone sent: keep its values, change what you need.
		DataForm answer = FormBuilder.answering(offered).bool("muc#roomconfig_publicroom", false).build();
		// end::forms[]
		return persistent && answer != null;
	}

}
