package dev.kindling.adhoc;

import java.util.Locale;

import org.dom4j.Element;
import org.xmpp.forms.DataForm;
import org.xmpp.forms.FormField;

/**
 * Command steps as XEP-0004 forms, with the field types a {@link CommandField} declares.
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

}
