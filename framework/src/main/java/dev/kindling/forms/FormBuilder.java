package dev.kindling.forms;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.xmpp.forms.DataForm;
import org.xmpp.forms.FormField;
import org.xmpp.packet.JID;

/**
 * Builds a {@link DataForm} field by field with typed values. Booleans are written {@code 1}/{@code 0},
 * JIDs in their string form; setting a field twice replaces its values.
 *
 * <pre class="code">
 * DataForm config = FormBuilder.submit("http://jabber.org/protocol/muc#roomconfig")
 *     .bool("muc#roomconfig_persistentroom", true)
 *     .text("muc#roomconfig_roomname", "Lobby")
 *     .build();
 * </pre>
 */
public final class FormBuilder {

	private final DataForm form;

	private FormBuilder(DataForm form) {
		this.form = form;
	}

	/** A {@code form} (one to be filled in), with a hidden {@code FORM_TYPE} when given. */
	public static FormBuilder form(@Nullable String formType) {
		return of(DataForm.Type.form, formType);
	}

	/** A {@code submit} form (the answer to a form), with a hidden {@code FORM_TYPE} when given. */
	public static FormBuilder submit(@Nullable String formType) {
		return of(DataForm.Type.submit, formType);
	}

	/** A {@code result} form, with a hidden {@code FORM_TYPE} when given. */
	public static FormBuilder result(@Nullable String formType) {
		return of(DataForm.Type.result, formType);
	}

	/**
	 * A {@code submit} form answering the given form: every field but {@code fixed} ones, with its
	 * current values, ready to be changed with the typed setters.
	 */
	public static FormBuilder answering(DataForm form) {
		FormBuilder builder = new FormBuilder(new DataForm(DataForm.Type.submit));
		for (FormField field : form.getFields()) {
			if (field.getVariable() == null || field.getType() == FormField.Type.fixed) {
				continue;
			}
			builder.field(field.getVariable(), field.getType(), field.getValues());
		}
		return builder;
	}

	private static FormBuilder of(DataForm.Type type, @Nullable String formType) {
		FormBuilder builder = new FormBuilder(new DataForm(type));
		if (formType != null) {
			builder.field(FormReader.FORM_TYPE, FormField.Type.hidden, List.of(formType));
		}
		return builder;
	}

	public FormBuilder title(String title) {
		this.form.setTitle(title);
		return this;
	}

	public FormBuilder instruction(String instruction) {
		this.form.addInstruction(instruction);
		return this;
	}

	public FormBuilder text(String var, String value) {
		return field(var, FormField.Type.text_single, List.of(value));
	}

	public FormBuilder textMulti(String var, List<String> lines) {
		return field(var, FormField.Type.text_multi, lines);
	}

	public FormBuilder bool(String var, boolean value) {
		return field(var, FormField.Type.boolean_type, List.of(value ? "1" : "0"));
	}

	public FormBuilder integer(String var, long value) {
		return field(var, FormField.Type.text_single, List.of(Long.toString(value)));
	}

	public FormBuilder jid(String var, JID value) {
		return field(var, FormField.Type.jid_single, List.of(value.toString()));
	}

	public FormBuilder jids(String var, Collection<JID> values) {
		return field(var, FormField.Type.jid_multi, values.stream().map(JID::toString).toList());
	}

	public FormBuilder list(String var, String value) {
		return field(var, FormField.Type.list_single, List.of(value));
	}

	public FormBuilder listMulti(String var, Collection<String> values) {
		return field(var, FormField.Type.list_multi, values);
	}

	public FormBuilder hidden(String var, String value) {
		return field(var, FormField.Type.hidden, List.of(value));
	}

	/** A field with a label and options, for forms to be filled in. */
	public FormBuilder option(String var, String label, String value) {
		FormField field = existingOrNew(var, null);
		field.addOption(label, value);
		return this;
	}

	/** Mark an existing field as required. */
	public FormBuilder required(String var) {
		FormField field = this.form.getField(var);
		if (field == null) {
			throw new IllegalArgumentException("No field '" + var + "' to mark as required");
		}
		field.setRequired(true);
		return this;
	}

	/** Set a field's label. */
	public FormBuilder label(String var, String label) {
		existingOrNew(var, null).setLabel(label);
		return this;
	}

	/**
	 * Set a field's type and values, replacing any earlier values. The type is kept when the field
	 * exists and {@code type} is {@code null}.
	 */
	public FormBuilder field(String var, FormField.@Nullable Type type, Collection<String> values) {
		if (var.isEmpty()) {
			throw new IllegalArgumentException("A field needs a var");
		}
		FormField field = existingOrNew(var, type);
		field.clearValues();
		values.forEach(field::addValue);
		return this;
	}

	/** {@link #field(String, FormField.Type, Collection)} with values given inline. */
	public FormBuilder field(String var, FormField.@Nullable Type type, String... values) {
		return field(var, type, Arrays.asList(values));
	}

	private FormField existingOrNew(String var, FormField.@Nullable Type type) {
		FormField field = this.form.getField(var);
		if (field == null) {
			field = this.form.addField();
			field.setVariable(var);
		}
		if (type != null) {
			field.setType(type);
		}
		return field;
	}

	/** The vars set so far, in order. */
	public List<String> vars() {
		List<String> vars = new ArrayList<>();
		this.form.getFields().forEach((field) -> vars.add(field.getVariable()));
		return vars;
	}

	/** A copy of the form built so far; the builder stays usable. */
	public DataForm build() {
		return this.form.createCopy();
	}

}
