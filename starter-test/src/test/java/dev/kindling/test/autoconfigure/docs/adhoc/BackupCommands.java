package dev.kindling.test.autoconfigure.docs.adhoc;

// tag::backup[]
import java.io.IOException;

import org.springframework.stereotype.Component;
import org.xmpp.packet.JID;
import org.xmpp.packet.PacketError.Condition;

import dev.kindling.XmppErrorException;
import dev.kindling.adhoc.AdHocCommand;
import dev.kindling.adhoc.CommandRequest;
import dev.kindling.adhoc.CommandStep;
import dev.kindling.handler.From;
import dev.kindling.handler.XmppExceptionHandler;

@Component
class BackupCommands {

	private final BackupStore store;

	BackupCommands(BackupStore store) {
		this.store = store;
	}

	@AdHocCommand(node = "backup", name = "Back up now", allowed = "${bot.admins}")
	CommandStep backup(CommandRequest request, @From JID admin) throws IOException {
		return CommandStep.done("Backup " + store.backUp(admin.toBareJID()) + " written");
	}

	@XmppExceptionHandler
	XmppErrorException diskFull(IOException ex) {                      // the session ends; the admin reads this
		return new XmppErrorException(Condition.resource_constraint, "The backup failed: " + ex.getMessage());
	}

}
// end::backup[]
