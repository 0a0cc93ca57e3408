package dev.kindling.adhoc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.dom4j.Element;
import org.dom4j.QName;
import org.jspecify.annotations.Nullable;
import org.xmpp.forms.DataForm;
import org.xmpp.forms.FormField;

/**
 * Command steps to and from XEP-0004 forms, on Tinder's {@link DataForm}. The one place to move to
 * {@code dev.kindling.forms} once that module exists.
 */
final class CommandForms {

	private CommandForms() {
	}

	static Element form(CommandStep step) {
		DataForm form = new DataForm(step.completed() ? DataForm.Type.result : DataForm.Type.form);
		if (step.title() != null) {
			form.setTitle(step.title());
		}
		for (CommandField field : step.fields()) {
			FormField added = form.addField();
			if (!field.var().isEmpty()) {
				added.setVariable(field.var());
			}
			added.setType(FormField.Type.fromXMPP(field.type().name().toLowerCase(Locale.ROOT).replace('_', '-')));
			if (field.label() != null) {
				added.setLabel(field.label());
			}
			if (field.required()) {
				added.setRequired(true);
			}
			field.options().forEach((option) -> added.addOption(option, option));
			if (field.value() != null) {
				added.addValue(field.value());
			}
		}
		return form.getElement().createCopy();
	}

	/** The submitted values, {@code FORM_TYPE} left out; empty when there is no form. */
	static Map<String, List<String>> values(@Nullable Element command) {
		Map<String, List<String>> values = new LinkedHashMap<>();
		Element x = (command != null) ? command.element(QName.get("x", DataForm.NAMESPACE)) : null;
		if (x == null) {
			return values;
		}
		for (FormField field : new DataForm(x.createCopy()).getFields()) {
			if (field.getVariable() != null && !"FORM_TYPE".equals(field.getVariable())) {
				values.put(field.getVariable(), List.copyOf(field.getValues()));
			}
		}
		return values;
	}

}
