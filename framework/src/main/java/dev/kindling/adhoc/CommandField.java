package dev.kindling.adhoc;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A field of a command's form (XEP-0004).
 *
 * @param var the field's name, under which the submitted value arrives
 * @param label what the requester sees
 * @param type the kind of field
 * @param options the choices of a list field
 * @param value a preset value, if any
 * @param required whether the requester must fill it in
 */
public record CommandField(String var, @Nullable String label, Type type, List<String> options, @Nullable String value,
		boolean required) {

	public CommandField {
		options = List.copyOf(options);
	}

	/** XEP-0004 field types offered to commands. */
	public enum Type {

		TEXT_SINGLE, TEXT_MULTI, BOOLEAN, JID_SINGLE, LIST_SINGLE, FIXED, HIDDEN

	}

	public static CommandField text(String var, String label) {
		return new CommandField(var, label, Type.TEXT_SINGLE, List.of(), null, true);
	}

	public static CommandField multiline(String var, String label) {
		return new CommandField(var, label, Type.TEXT_MULTI, List.of(), null, true);
	}

	public static CommandField bool(String var, String label) {
		return new CommandField(var, label, Type.BOOLEAN, List.of(), null, false);
	}

	public static CommandField jid(String var, String label) {
		return new CommandField(var, label, Type.JID_SINGLE, List.of(), null, true);
	}

	public static CommandField choice(String var, String label, String... options) {
		return new CommandField(var, label, Type.LIST_SINGLE, List.of(options), null, true);
	}

	/** Text shown to the requester, not filled in. */
	public static CommandField note(String text) {
		return new CommandField("", null, Type.FIXED, List.of(), text, false);
	}

	/** A copy with a preset value. */
	public CommandField withValue(String value) {
		return new CommandField(this.var, this.label, this.type, this.options, value, this.required);
	}

	/** A copy that may be left empty. */
	public CommandField optional() {
		return new CommandField(this.var, this.label, this.type, this.options, this.value, false);
	}

}
