package dev.kindling.pubsub;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dom4j.Element;
import org.jspecify.annotations.Nullable;
import org.xmpp.forms.DataForm;
import org.xmpp.forms.FormField;

/**
 * The few XEP-0004 operations pubsub needs, on Tinder's {@link DataForm}. Kept in one place so
 * that they move to {@code dev.kindling.forms} once that module exists.
 */
final class Forms {

	static final String FORM_TYPE = "FORM_TYPE";

	private Forms() {
	}

	/** A {@code submit} form of the given type with the given values. */
	static Element submit(String formType, Map<String, List<String>> values) {
		DataForm form = new DataForm(DataForm.Type.submit);
		form.addField(FORM_TYPE, null, FormField.Type.hidden).addValue(formType);
		values.forEach((var, list) -> {
			FormField field = form.addField();
			field.setVariable(var);
			list.forEach(field::addValue);
		});
		return form.getElement().createCopy();
	}

	/** The values of a form element, {@code FORM_TYPE} left out, in document order. */
	static Map<String, List<String>> values(@Nullable Element form) {
		Map<String, List<String>> values = new LinkedHashMap<>();
		if (form == null) {
			return values;
		}
		for (FormField field : new DataForm(form.createCopy()).getFields()) {
			if (field.getVariable() != null && !FORM_TYPE.equals(field.getVariable())) {
				values.put(field.getVariable(), List.copyOf(field.getValues()));
			}
		}
		return values;
	}

	/** The {@code jabber:x:data} child of an element, if any. */
	static @Nullable Element formIn(@Nullable Element parent) {
		return (parent != null) ? parent.element(org.dom4j.QName.get("x", DataForm.NAMESPACE)) : null;
	}

}
