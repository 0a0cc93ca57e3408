package dev.kindling.adhoc;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a command answers to a step: a form to fill in (the command goes on) or the end.
 *
 * @param title the form's title, if it shows a form
 * @param fields the form's fields; empty when it shows none
 * @param completed whether the command is done
 * @param last whether the form is the last one (offered with {@code complete} instead of {@code next})
 * @param note a message to the requester, if any
 */
public record CommandStep(@Nullable String title, List<CommandField> fields, boolean completed, boolean last,
		@Nullable String note) {

	public CommandStep {
		fields = List.copyOf(fields);
	}

	/** Ask for a form, with more steps to come. */
	public static CommandStep next(String title, CommandField... fields) {
		return new CommandStep(title, List.of(fields), false, false, null);
	}

	/** Ask for the last form: submitting it completes the command. */
	public static CommandStep last(String title, CommandField... fields) {
		return new CommandStep(title, List.of(fields), false, true, null);
	}

	/** The command is done; the note tells the requester how it went. */
	public static CommandStep done(String note) {
		return new CommandStep(null, List.of(), true, true, note);
	}

	/** The command is done, showing a result form (e.g. a report). */
	public static CommandStep done(String note, String title, CommandField... fields) {
		return new CommandStep(title, List.of(fields), true, true, note);
	}

}
