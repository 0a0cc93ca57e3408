package dev.kindling.connection;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import org.dom4j.Document;
import org.dom4j.Element;
import org.dom4j.io.XPPPacketReader;
import org.junit.jupiter.api.Test;
import org.xmlpull.mxp1.MXParser;
import org.xmlpull.v1.XmlPullParser;
import org.xmlpull.v1.XmlPullParserException;
import org.xmlpull.v1.XmlPullParserFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class StanzaReaderTests {

	private static final String HEADER = "<stream:stream xmlns='jabber:component:accept' "
			+ "xmlns:stream='http://etherx.jabber.org/streams' id='s1' from='echo.localhost'>";

	private static final String STANZAS = "<handshake/>\n"
			+ "<message type='chat' id='m1' from='alice@localhost/web' to='echo.localhost' xml:lang='en'>"
			+ "<body>two\nlines &amp; &lt;tags&gt; &quot;q&quot;</body>"
			+ "<active xmlns='http://jabber.org/protocol/chatstates'/></message>  "
			+ "<iq type='set' id='i1' to='echo.localhost'><pubsub xmlns='http://jabber.org/protocol/pubsub'>"
			+ "<publish node='n'><item id='a'><game xmlns='urn:kindling:toetem:0' xmlns:k='urn:kindling:note'>"
			+ "<k:note k:by='bob'>hi</k:note><board>X........</board></game></item></publish></pubsub></iq>"
			+ "<presence to='room@conference.localhost/bot'><x xmlns='http://jabber.org/protocol/muc'/></presence>";

	@Test
	void buildsTheSameTreesAsDom4jsPacketReader() throws Exception {
		List<String> ours = new ArrayList<>();
		StanzaReader reader = reader(HEADER + STANZAS + "</stream:stream>");
		for (Element element = reader.next(); element != null; element = reader.next()) {
			assertThat(element.getDocument().getRootElement()).isSameAs(element);
			ours.add(element.asXML());
		}

		assertThat(ours).hasSize(4).containsExactlyElementsOf(dom4j(HEADER + STANZAS + "</stream:stream>"));
		assertThat(ours.get(1)).contains("<message type=\"chat\"").contains("<body>two\nlines &amp; &lt;tags&gt; \"q\"</body>");
	}

	@Test
	void readsCdataAsTextAndLeavesCommentsOut() throws Exception {
		StanzaReader reader = reader(HEADER + "<message><body>a <![CDATA[<raw>]]><!-- gone --> b</body></message>");

		Element body = reader.next().element("body");

		assertThat(body.nodeCount()).isEqualTo(1);
		assertThat(body.getText()).isEqualTo("a <raw> b");
	}

	@Test
	void keepsNamespacesAndPrefixedNames() throws Exception {
		StanzaReader reader = reader(HEADER + STANZAS);
		reader.next();
		reader.next();
		Element iq = reader.next();

		Element game = iq.element("pubsub").element("publish").element("item").elements().get(0);
		assertThat(game.getNamespaceURI()).isEqualTo("urn:kindling:toetem:0");
		assertThat(game.element("board").getNamespaceURI()).isEqualTo("urn:kindling:toetem:0");
		Element note = (Element) game.elements().get(0);
		assertThat(note.getQualifiedName()).isEqualTo("k:note");
		assertThat(note.getNamespaceURI()).isEqualTo("urn:kindling:note");
		assertThat(note.attribute(0).getNamespaceURI()).isEqualTo("urn:kindling:note");
		assertThat(game.getNamespaceForPrefix("k").getURI()).isEqualTo("urn:kindling:note");
	}

	@Test
	void endsAtTheStreamsEndTag() throws Exception {
		StanzaReader reader = reader(HEADER + "<handshake/> </stream:stream>");

		assertThat(reader.next().getName()).isEqualTo("handshake");
		assertThat(reader.next()).isNull();
	}

	@Test
	void refusesEntitiesBeyondXmlsOwn() throws Exception {
		StanzaReader reader = reader(HEADER + "<message><body>&xxe;</body></message>");

		assertThatExceptionOfType(XmlPullParserException.class).isThrownBy(reader::next);
	}

	@Test
	void readsCorrectlyPastTheBoundOfItsNameCache() throws Exception {
		StringBuilder xml = new StringBuilder(HEADER);
		for (int i = 0; i < 5000; i++) {
			xml.append("<message id='").append(i).append("'><n").append(i).append(" xmlns='urn:x:").append(i % 7)
				.append("' a").append(i).append("='v'/></message>");
		}
		StanzaReader reader = reader(xml.toString());

		for (int i = 0; i < 5000; i++) {
			Element child = reader.next().elements().get(0);
			assertThat(child.getName()).isEqualTo("n" + i);
			assertThat(child.getNamespaceURI()).isEqualTo("urn:x:" + (i % 7));
			assertThat(child.attributeValue("a" + i)).isEqualTo("v");
		}
	}

	private static StanzaReader reader(String xml) throws Exception {
		StanzaReader reader = new StanzaReader(new StringReader(xml));
		assertThat(reader.parser().nextTag()).isEqualTo(XmlPullParser.START_TAG);
		return reader;
	}

	private static List<String> dom4j(String xml) throws Exception {
		XPPPacketReader reader = new XPPPacketReader();
		XmlPullParserFactory factory = XmlPullParserFactory.newInstance(MXParser.class.getName(), null);
		factory.setNamespaceAware(true);
		reader.setXPPFactory(factory);
		reader.getXPPParser().setInput(new StringReader(xml));
		reader.getXPPParser().nextTag();
		List<String> elements = new ArrayList<>();
		for (Document document = reader.parseDocument(); document.getRootElement() != null; document = reader.parseDocument()) {
			elements.add(document.getRootElement().asXML());
		}
		return elements;
	}

}
