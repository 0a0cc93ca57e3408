package dev.kindling.forms;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.dom4j.Element;
import org.jspecify.annotations.Nullable;
import org.xmpp.forms.DataForm;
import org.xmpp.forms.FormField;
import org.xmpp.packet.JID;

/**
 * Reads a {@link DataForm} with typed accessors. Values that do not parse as the asked type fail
 * with {@link FormValidationException} ({@code bad-request}), so a handler that reads a submitted
 * form answers bad input with the right stanza error without further code.
 */
public final class FormReader {

	/** The hidden field that names the form's kind (XEP-0068). */
	public static final String FORM_TYPE = "FORM_TYPE";

	private final DataForm form;

	private FormReader(DataForm form) {
		this.form = form;
	}

	public static FormReader of(DataForm form) {
		return new FormReader(form);
	}

	/** Reads an {@code <x xmlns="jabber:x:data"/>} element (it is copied, not changed). */
	public static FormReader of(Element element) {
		if (!DataForm.ELEMENT_NAME.equals(element.getName()) || !DataForm.NAMESPACE.equals(element.getNamespaceURI())) {
			throw new FormValidationException("Not a data form: <" + element.getName() + " xmlns='"
					+ element.getNamespaceURI() + "'/>");
		}
		return new FormReader(new DataForm(element.createCopy()));
	}

	/** The first data form among an element's children, if any. */
	public static Optional<FormReader> find(@Nullable Element parent) {
		if (parent == null) {
			return Optional.empty();
		}
		Element x = parent.element(org.dom4j.QName.get(DataForm.ELEMENT_NAME, DataForm.NAMESPACE));
		return (x != null) ? Optional.of(of(x)) : Optional.empty();
	}

	public DataForm form() {
		return this.form;
	}

	public DataForm.Type type() {
		return this.form.getType();
	}

	/** The {@code FORM_TYPE} value, if the form has one. */
	public Optional<String> formType() {
		return text(FORM_TYPE);
	}

	public boolean has(String var) {
		return this.form.getField(var) != null;
	}

	/** A field's type as declared; {@code text-single} is the XEP-0004 default when none is. */
	public Optional<FormField.Type> fieldType(String var) {
		FormField field = this.form.getField(var);
		if (field == null) {
			return Optional.empty();
		}
		return Optional.of((field.getType() != null) ? field.getType() : FormField.Type.text_single);
	}

	/** Every value of a field; empty when the field is missing. */
	public List<String> values(String var) {
		FormField field = this.form.getField(var);
		return (field != null) ? List.copyOf(field.getValues()) : List.of();
	}

	/** The first value of a field. */
	public Optional<String> text(String var) {
		List<String> values = values(var);
		return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
	}

	/** A {@code text-multi} field's lines joined with newlines. */
	public Optional<String> textMulti(String var) {
		List<String> values = values(var);
		return values.isEmpty() ? Optional.empty() : Optional.of(String.join("\n", values));
	}

	/** A boolean field: {@code 1}/{@code true} or {@code 0}/{@code false}. */
	public Optional<Boolean> bool(String var) {
		return text(var).map((value) -> {
			switch (value.trim()) {
				case "1":
				case "true":
					return true;
				case "0":
				case "false":
					return false;
				default:
					throw new FormValidationException("Field '" + var + "' is not a boolean: '" + value + "'");
			}
		});
	}

	public Optional<Long> integer(String var) {
		return text(var).map((value) -> {
			try {
				return Long.parseLong(value.trim());
			}
			catch (NumberFormatException ex) {
				throw new FormValidationException("Field '" + var + "' is not an integer: '" + value + "'");
			}
		});
	}

	public Optional<JID> jid(String var) {
		return text(var).map((value) -> parseJid(var, value));
	}

	public List<JID> jids(String var) {
		List<JID> jids = new ArrayList<>();
		values(var).forEach((value) -> jids.add(parseJid(var, value)));
		return jids;
	}

	/** Every field's values by var, in document order, {@code FORM_TYPE} left out. */
	public Map<String, List<String>> values() {
		Map<String, List<String>> values = new LinkedHashMap<>();
		for (FormField field : this.form.getFields()) {
			if (field.getVariable() != null && !FORM_TYPE.equals(field.getVariable())) {
				values.put(field.getVariable(), List.copyOf(field.getValues()));
			}
		}
		return values;
	}

	/** The vars of all fields, in order. */
	public List<String> vars() {
		List<String> vars = new ArrayList<>();
		for (FormField field : this.form.getFields()) {
			if (field.getVariable() != null) {
				vars.add(field.getVariable());
			}
		}
		return vars;
	}

	/**
	 * Check that every field marked required in {@code template} (the form that was sent out) has a
	 * non-blank value here, and that this form carries the template's {@code FORM_TYPE}.
	 * @throws FormValidationException naming the missing fields
	 */
	public FormReader requireComplete(DataForm template) {
		List<String> missing = new ArrayList<>();
		for (FormField field : template.getFields()) {
			if (field.isRequired() && field.getVariable() != null
					&& values(field.getVariable()).stream().allMatch(String::isBlank)) {
				missing.add(field.getVariable());
			}
		}
		if (!missing.isEmpty()) {
			throw new FormValidationException("Required field" + ((missing.size() > 1) ? "s " : " ") + missing + " missing");
		}
		Optional<String> expected = of(template).formType();
		if (expected.isPresent() && !expected.equals(formType())) {
			throw new FormValidationException("Expected FORM_TYPE '" + expected.get() + "' but got "
					+ formType().map((type) -> "'" + type + "'").orElse("none"));
		}
		return this;
	}

	/** Check that the named fields have non-blank values. */
	public FormReader require(String... vars) {
		List<String> missing = new ArrayList<>();
		for (String var : vars) {
			if (values(var).stream().allMatch(String::isBlank)) {
				missing.add(var);
			}
		}
		if (!missing.isEmpty()) {
			throw new FormValidationException("Required field" + ((missing.size() > 1) ? "s " : " ") + missing + " missing");
		}
		return this;
	}

	private static JID parseJid(String var, String value) {
		try {
			return new JID(value);
		}
		catch (IllegalArgumentException ex) {
			throw new FormValidationException("Field '" + var + "' is not a JID: '" + value + "'");
		}
	}

	@Override
	public String toString() {
		return this.form.getElement().asXML();
	}

}
