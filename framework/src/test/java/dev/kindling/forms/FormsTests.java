package dev.kindling.forms;

import java.util.List;

import org.dom4j.Element;
import org.junit.jupiter.api.Test;
import org.xmpp.forms.DataForm;
import org.xmpp.forms.FormField;
import org.xmpp.packet.JID;
import org.xmpp.packet.PacketError;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class FormsTests {

	private static final String ROOMCONFIG = "http://jabber.org/protocol/muc#roomconfig";

	@Test
	void builderWritesTypedFieldsAndFormType() {
		DataForm form = FormBuilder.submit(ROOMCONFIG)
			.bool("muc#roomconfig_persistentroom", true)
			.text("muc#roomconfig_roomname", "Lobby")
			.integer("muc#roomconfig_maxusers", 30)
			.jids("muc#roomconfig_roomowners", List.of(new JID("alice@localhost"), new JID("bob@localhost")))
			.listMulti("muc#roomconfig_presencebroadcast", List.of("moderator", "participant"))
			.build();

		Element x = form.getElement();
		assertThat(x.getNamespaceURI()).isEqualTo("jabber:x:data");
		assertThat(x.attributeValue("type")).isEqualTo("submit");
		FormReader reader = FormReader.of(x);
		assertThat(reader.formType()).contains(ROOMCONFIG);
		assertThat(reader.fieldType("FORM_TYPE")).contains(FormField.Type.hidden);
		assertThat(reader.bool("muc#roomconfig_persistentroom")).contains(true);
		assertThat(reader.text("muc#roomconfig_roomname")).contains("Lobby");
		assertThat(reader.integer("muc#roomconfig_maxusers")).contains(30L);
		assertThat(reader.jids("muc#roomconfig_roomowners")).containsExactly(new JID("alice@localhost"),
				new JID("bob@localhost"));
		assertThat(reader.values("muc#roomconfig_presencebroadcast")).containsExactly("moderator", "participant");
		assertThat(reader.vars()).startsWith("FORM_TYPE", "muc#roomconfig_persistentroom");
	}

	@Test
	void settingAFieldTwiceReplacesItsValues() {
		DataForm form = FormBuilder.submit(null).text("a", "1").text("a", "2").build();

		assertThat(FormReader.of(form).values("a")).containsExactly("2");
		assertThat(FormReader.of(form).formType()).isEmpty();
	}

	@Test
	void readsBooleansInBothSpellings() {
		DataForm form = FormBuilder.submit(null).field("t", FormField.Type.boolean_type, "true")
			.field("f", FormField.Type.boolean_type, "0").field("bad", FormField.Type.boolean_type, "yes").build();
		FormReader reader = FormReader.of(form);

		assertThat(reader.bool("t")).contains(true);
		assertThat(reader.bool("f")).contains(false);
		assertThat(reader.bool("missing")).isEmpty();
		assertThatExceptionOfType(FormValidationException.class).isThrownBy(() -> reader.bool("bad"))
			.withMessageContaining("'bad' is not a boolean")
			.satisfies((ex) -> assertThat(ex.getCondition()).isEqualTo(PacketError.Condition.bad_request));
	}

	@Test
	void badIntegerAndJidAreBadRequests() {
		FormReader reader = FormReader.of(FormBuilder.submit(null).text("n", "ten").text("j", "a@@b").build());

		assertThatExceptionOfType(FormValidationException.class).isThrownBy(() -> reader.integer("n"))
			.withMessageContaining("'n' is not an integer");
		assertThatExceptionOfType(FormValidationException.class).isThrownBy(() -> reader.jid("j"))
			.withMessageContaining("'j' is not a JID");
	}

	@Test
	void requiredFieldsOfTheTemplateMustBeFilled() {
		DataForm template = FormBuilder.form("urn:example:signup").text("name", "").text("nick", "").required("name")
			.required("nick").build();
		DataForm partial = FormBuilder.submit("urn:example:signup").text("name", "Alice").text("nick", " ").build();
		DataForm complete = FormBuilder.submit("urn:example:signup").text("name", "Alice").text("nick", "al").build();
		DataForm wrongType = FormBuilder.submit("urn:example:other").text("name", "Alice").text("nick", "al").build();

		assertThatExceptionOfType(FormValidationException.class)
			.isThrownBy(() -> FormReader.of(partial).requireComplete(template))
			.withMessage("bad-request (modify): Required field [nick] missing");
		assertThat(FormReader.of(complete).requireComplete(template).text("nick")).contains("al");
		assertThatExceptionOfType(FormValidationException.class)
			.isThrownBy(() -> FormReader.of(wrongType).requireComplete(template))
			.withMessageContaining("Expected FORM_TYPE 'urn:example:signup'");
		assertThatExceptionOfType(FormValidationException.class)
			.isThrownBy(() -> FormReader.of(partial).require("name", "nick", "age"))
			.withMessageContaining("[nick, age]");
	}

	@Test
	void answeringAFormCopiesItsValuesButNotFixedFields() {
		DataForm offered = FormBuilder.form(ROOMCONFIG).bool("muc#roomconfig_persistentroom", false)
			.text("muc#roomconfig_roomname", "Old").build();
		offered.addField("", "Some explanation", FormField.Type.fixed);

		DataForm answer = FormBuilder.answering(offered).bool("muc#roomconfig_persistentroom", true).build();

		FormReader reader = FormReader.of(answer);
		assertThat(reader.type()).isEqualTo(DataForm.Type.submit);
		assertThat(reader.formType()).contains(ROOMCONFIG);
		assertThat(reader.bool("muc#roomconfig_persistentroom")).contains(true);
		assertThat(reader.text("muc#roomconfig_roomname")).contains("Old");
		assertThat(answer.getFields()).noneMatch((field) -> field.getType() == FormField.Type.fixed);
	}

	@Test
	void optionsAndLabelsForFormsToFill() {
		DataForm form = FormBuilder.form(null).field("color", FormField.Type.list_single).label("color", "Colour")
			.option("color", "Red", "red").option("color", "Blue", "blue").build();

		FormField color = form.getField("color");
		assertThat(color.getLabel()).isEqualTo("Colour");
		assertThat(color.getOptions()).extracting(FormField.Option::getValue).containsExactly("red", "blue");
	}

	@Test
	void readerRejectsOtherElementsAndFindsFormsInParents() {
		Element query = org.dom4j.DocumentHelper.createElement(org.dom4j.QName.get("query", "http://jabber.org/protocol/muc#owner"));
		assertThat(FormReader.find(query)).isEmpty();
		query.add(FormBuilder.submit("urn:x").build().getElement().createCopy());

		assertThat(FormReader.find(query)).hasValueSatisfying((reader) -> assertThat(reader.formType()).contains("urn:x"));
		assertThatExceptionOfType(FormValidationException.class).isThrownBy(() -> FormReader.of(query))
			.withMessageContaining("Not a data form");
	}

}
