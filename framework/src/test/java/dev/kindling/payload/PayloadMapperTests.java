package dev.kindling.payload;

import java.util.List;

import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.dom4j.QName;
import org.junit.jupiter.api.Test;
import org.xmpp.packet.Message;
import tools.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import tools.jackson.dataformat.xml.annotation.JacksonXmlText;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PayloadMapperTests {

	private final PayloadMapper mapper = PayloadMapper.withDefaults();

	@Test
	void writesARecordAsAnElementInItsNamespaceWithNestedElementsInTheSameNamespace() {
		Element element = this.mapper.toElement(new Entry("Hello", new Author("alice"), new Content("text", "hi there")));

		assertThat(element.getQName()).isEqualTo(QName.get("entry", "http://www.w3.org/2005/Atom"));
		assertThat(element.element("title").getNamespaceURI()).isEqualTo("http://www.w3.org/2005/Atom");
		assertThat(element.element("author").element("name").getText()).isEqualTo("alice");
		assertThat(element.element("content").attributeValue("type")).isEqualTo("text");
		assertThat(element.element("content").getText()).isEqualTo("hi there");
		assertThat(element.asXML()).doesNotContain("xmlns=\"\"");
	}

	@Test
	void attributesAreWrittenAsAttributesAndNullsAreLeftOut() {
		Element element = this.mapper.toElement(new Score(1, 3, null));

		assertThat(element.asXML()).isEqualTo("<score xmlns=\"urn:example:score\" round=\"1\"><alice>3</alice></score>");
	}

	@Test
	void readsAttributesAndElementsAlikeAndIgnoresUnknownOnes() throws Exception {
		Element element = DocumentHelper
			.parseText("<score xmlns='urn:example:score' round='2' alice='5' extra='x'><bob>7</bob><more/></score>")
			.getRootElement();

		assertThat(this.mapper.fromElement(element, Score.class)).isEqualTo(new Score(2, 5, 7));
	}

	@Test
	void roundTripsNestedRecords() {
		Entry entry = new Entry("Hello", new Author("alice"), new Content("text", "hi there"));

		assertThat(this.mapper.fromElement(this.mapper.toElement(entry), Entry.class)).isEqualTo(entry);
	}

	@Test
	void readsAMessageExtensionOrNullWhenAbsent() {
		Message message = new Message();
		message.addExtension(this.mapper.toExtension(new Score(1, 2, 3)));

		assertThat(this.mapper.fromMessage(message, Score.class)).isEqualTo(new Score(1, 2, 3));
		assertThat(this.mapper.fromMessage(new Message(), Score.class)).isNull();
	}

	@Test
	void anElementOfAnotherNameOrNamespaceIsRefused() {
		Element other = DocumentHelper.createElement(QName.get("score", "urn:example:other"));

		assertThatExceptionOfType(PayloadBindingException.class).isThrownBy(() -> this.mapper.fromElement(other, Score.class))
			.withMessageContaining("urn:example:score")
			.withMessageContaining("urn:example:other");
	}

	@Test
	void aValueThatDoesNotFitIsRefusedNamingTheType() throws Exception {
		Element element = DocumentHelper.parseText("<score xmlns='urn:example:score' round='first'/>").getRootElement();

		assertThatExceptionOfType(PayloadBindingException.class).isThrownBy(() -> this.mapper.fromElement(element, Score.class))
			.withMessageContaining("Score");
	}

	@Test
	void anElementBelongsToOneTypeOnly() {
		this.mapper.register(Score.class);

		assertThatExceptionOfType(PayloadBindingException.class).isThrownBy(() -> this.mapper.register(OtherScore.class))
			.withMessageContaining(Score.class.getName())
			.withMessageContaining(OtherScore.class.getName());
		assertThat(this.mapper.typeOf(QName.get("score", "urn:example:score"))).contains(Score.class);
	}

	@Test
	void aTypeWithoutTheAnnotationIsRefused() {
		assertThatExceptionOfType(PayloadBindingException.class).isThrownBy(() -> this.mapper.toElement("text"))
			.withMessageContaining("@XmppPayload");
	}

	@Test
	void knowsItsTypesUpFront() {
		PayloadMapper known = PayloadMapper.of(List.of(Score.class, Entry.class));

		assertThat(known.types()).containsExactlyInAnyOrder(Score.class, Entry.class);
		assertThat(known.elementName(Entry.class)).isEqualTo(QName.get("entry", "http://www.w3.org/2005/Atom"));
	}

	@XmppPayload(namespace = "urn:example:score", element = "score")
	record Score(@JacksonXmlProperty(isAttribute = true) int round, Integer alice, Integer bob) {
	}

	@XmppPayload(namespace = "urn:example:score", element = "score")
	record OtherScore(int round) {
	}

	@XmppPayload(namespace = "http://www.w3.org/2005/Atom", element = "entry")
	record Entry(String title, Author author, Content content) {
	}

	record Author(String name) {
	}

	record Content(@JacksonXmlProperty(isAttribute = true) String type, @JacksonXmlText String text) {
	}

}
