package dev.kindling.test.autoconfigure.events;

import org.springframework.stereotype.Component;

import dev.kindling.adhoc.AdHocCommand;
import dev.kindling.adhoc.CommandRequest;
import dev.kindling.adhoc.CommandStep;

/** Only an ad-hoc command: a top-level class, so component scanning (and the slice's filter) decides. */
@Component
class StatusCommand {

	@AdHocCommand(node = "status", name = "Status")
	CommandStep status(CommandRequest request) {
		return CommandStep.done("All good");
	}

}
