package dev.kindling.connection;

import java.io.StringWriter;

import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.dom4j.Namespace;
import org.dom4j.QName;
import org.dom4j.io.OutputFormat;
import org.dom4j.io.XMLWriter;
import org.junit.jupiter.api.Test;
import org.xmpp.forms.DataForm;
import org.xmpp.forms.FormField;
import org.xmpp.packet.IQ;
import org.xmpp.packet.Message;
import org.xmpp.packet.PacketError;
import org.xmpp.packet.Presence;

import static org.assertj.core.api.Assertions.assertThat;

class StanzaWriterTests {

	private final StanzaWriter writer = new StanzaWriter();

	@Test
	void writesWhatDom4jWritesForEveryKindOfStanza() throws Exception {
		Message message = new Message();
		message.setTo("alice@localhost/web");
		message.setFrom("echo.localhost");
		message.setType(Message.Type.chat);
		message.setID("m1");
		message.setBody("two\nlines & <tags> \"quoted\" 'apostrophe'");
		message.addChildElement("active", "http://jabber.org/protocol/chatstates");

		IQ error = new IQ(IQ.Type.get, "q1");
		error.setChildElement("query", "http://jabber.org/protocol/disco#info").addAttribute("node", "a&b");
		IQ reply = IQ.createResultIQ(error);
		reply.setError(new PacketError(PacketError.Condition.item_not_found, PacketError.Type.cancel, "no such node"));

		Presence presence = new Presence();
		presence.setTo("room@conference.localhost/bot");
		presence.addChildElement("x", "http://jabber.org/protocol/muc");

		DataForm form = new DataForm(DataForm.Type.form);
		form.addField("size", "Size", FormField.Type.list_single).addValue("3");
		IQ command = new IQ(IQ.Type.result, "c1");
		command.setChildElement("command", "http://jabber.org/protocol/commands").add(form.getElement());

		for (Element element : new Element[] { message.getElement(), reply.getElement(), presence.getElement(), command.getElement() }) {
			assertThat(write(element)).isEqualTo(dom4j(element));
		}
	}

	@Test
	void keepsEveryCharacterOfTextAndAttributes() throws Exception {
		String text = "tab\tcr\r\nlf\n<&>\"' \uD83D\uDE00 é";
		Element element = DocumentHelper.createElement("message");
		element.addAttribute("id", text);
		element.addElement("body").setText(text);

		Element parsed = DocumentHelper.parseText(write(element)).getRootElement();

		assertThat(parsed.attributeValue("id")).isEqualTo(text);
		assertThat(parsed.elementText("body")).isEqualTo(text);
	}

	@Test
	void replacesCharactersXmlCannotCarrySoTheStreamSurvives() throws Exception {
		Element element = DocumentHelper.createElement("message");
		element.addElement("body").setText("bell\u0007 nul\u0000 lone\uD800 end\uFFFF");

		String xml = write(element);

		assertThat(xml).isEqualTo("<message><body>bell\uFFFD nul\uFFFD lone\uFFFD end\uFFFD</body></message>");
		assertThat(DocumentHelper.parseText(xml).getRootElement().elementText("body")).isEqualTo("bell\uFFFD nul\uFFFD lone\uFFFD end\uFFFD");
	}

	@Test
	void declaresANamespaceWhereItsBindingChanges() throws Exception {
		Element iq = DocumentHelper.createElement("iq");
		Element pubsub = iq.addElement("pubsub", "http://jabber.org/protocol/pubsub");
		Element item = pubsub.addElement("publish").addElement("item");
		Element game = item.addElement("game", "urn:kindling:toetem:0");
		game.addElement("board").setText("X........");
		game.addElement(QName.get("note", Namespace.get("k", "urn:kindling:note")))
			.addAttribute(QName.get("lang", Namespace.XML_NAMESPACE), "en");
		item.addElement("after", "http://jabber.org/protocol/pubsub");

		String xml = write(iq);

		assertThat(xml).isEqualTo("<iq><pubsub xmlns=\"http://jabber.org/protocol/pubsub\"><publish><item>"
				+ "<game xmlns=\"urn:kindling:toetem:0\"><board>X........</board>"
				+ "<k:note xmlns:k=\"urn:kindling:note\" xml:lang=\"en\"/></game><after/></item></publish></pubsub></iq>");
		Element parsed = DocumentHelper.parseText(xml).getRootElement();
		Element parsedItem = parsed.element("pubsub").element("publish").element("item");
		assertThat(parsedItem.element("game").element("board").getNamespaceURI()).isEqualTo("urn:kindling:toetem:0");
		assertThat(parsedItem.element("after").getNamespaceURI()).isEqualTo("http://jabber.org/protocol/pubsub");
	}

	@Test
	void redeclaresANamespaceShadowedInBetween() throws Exception {
		Element outer = DocumentHelper.createElement(QName.get("outer", "urn:a"));
		Element middle = outer.addElement("middle", "urn:b");
		middle.addElement("inner", "urn:a");

		String xml = write(outer);

		assertThat(xml).isEqualTo("<outer xmlns=\"urn:a\"><middle xmlns=\"urn:b\"><inner xmlns=\"urn:a\"/></middle></outer>");
	}

	@Test
	void leavesOutCommentsAndProcessingInstructions() {
		Element element = DocumentHelper.createElement("message");
		element.addComment("not on a stream");
		element.addProcessingInstruction("pi", "nor this");
		element.addCDATA("<kept as text>");

		assertThat(write(element)).isEqualTo("<message>&lt;kept as text&gt;</message>");
	}

	@Test
	void startsEachStanzaWithNothingInScope() throws Exception {
		Element first = DocumentHelper.createElement(QName.get("message", "jabber:client"));
		Element second = DocumentHelper.createElement(QName.get("message", "jabber:client"));
		StringBuilder out = new StringBuilder();

		this.writer.write(first, out);
		this.writer.write(second, out);

		assertThat(out).hasToString("<message xmlns=\"jabber:client\"/><message xmlns=\"jabber:client\"/>");
	}

	private String write(Element element) {
		StringBuilder out = new StringBuilder();
		this.writer.write(element, out);
		return out.toString();
	}

	private static String dom4j(Element element) throws Exception {
		StringWriter out = new StringWriter();
		XMLWriter xmlWriter = new XMLWriter(out, new OutputFormat());
		xmlWriter.write(element);
		xmlWriter.flush();
		return out.toString();
	}

}
