package dev.kindling.connection;

import java.io.IOException;
import java.io.Reader;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.dom4j.Namespace;
import org.dom4j.QName;
import org.dom4j.tree.DefaultAttribute;
import org.dom4j.tree.DefaultElement;
import org.jspecify.annotations.Nullable;
import org.xmlpull.mxp1.MXParser;
import org.xmlpull.v1.XmlPullParser;
import org.xmlpull.v1.XmlPullParserException;

/**
 * Reads a component stream one top-level element at a time into dom4j trees, straight from the
 * pull parser's events.
 *
 * <p>Replaces dom4j's {@code XPPPacketReader}, which the reader thread (one per stream, so the
 * stream's ceiling) spent most of its time in: it looks every element and attribute name up in
 * dom4j's global name cache, a synchronized map that the handler threads building replies contend
 * for. Names here come from a cache of this reader's own, bounded so that a peer sending ever new
 * names cannot grow it. The parser resolves only XML's five predefined entities: a document type
 * declaration or any other entity fails the parse, and the stream with it.
 *
 * <p>Not thread-safe: the stream's reader thread owns it (and the handshake before it). Public for
 * benchmarks and tools that read captured streams the way a component does.
 */
public final class StanzaReader {

	/** Names kept at most; a stream of new names starts the cache over instead of growing it. */
	private static final int MAX_NAMES = 4096;

	/**
	 * The stream's own default namespaces, which stanzas are read without, as Whack and Openfire read
	 * them: a Tinder packet is the same whichever stream it came from, and is written back without one.
	 */
	private static final Set<String> STREAM_NAMESPACES = Set.of("jabber:component:accept", "jabber:client", "jabber:server");

	private final XmlPullParser parser = new MXParser();

	/** Namespace URI, then qualified name, to the name dom4j shares between trees. */
	private final Map<String, Map<String, QName>> names = new HashMap<>();

	private int nameCount;

	/** @param input the stream's characters, from before its header */
	public StanzaReader(Reader input) throws XmlPullParserException {
		this.parser.setFeature(XmlPullParser.FEATURE_PROCESS_NAMESPACES, true);
		this.parser.setInput(input);
	}

	/** The parser, positioned where the last call left it: for reading the stream header. */
	public XmlPullParser parser() {
		return this.parser;
	}

	/**
	 * Read the next top-level element, skipping the whitespace between them.
	 * @return the element, in a document of its own, or {@code null} when the stream ended
	 */
	public @Nullable Element next() throws XmlPullParserException, IOException {
		Element root = null;
		Element current = null;
		while (true) {
			switch (this.parser.next()) {
				case XmlPullParser.START_TAG -> {
					Element element = element();
					if (current == null) {
						root = element;
						DocumentHelper.createDocument(root);
					}
					else {
						current.add(element);
					}
					current = element;
				}
				case XmlPullParser.TEXT -> {
					if (current != null) {
						current.addText(this.parser.getText());
					}
				}
				case XmlPullParser.END_TAG -> {
					if (current == null) {
						return null;
					}
					if (current == root) {
						return root;
					}
					current = current.getParent();
				}
				case XmlPullParser.END_DOCUMENT -> {
					return null;
				}
				default -> {
				}
			}
		}
	}

	private Element element() throws XmlPullParserException {
		XmlPullParser parser = this.parser;
		String uri = parser.getNamespace();
		if (parser.getPrefix() == null && STREAM_NAMESPACES.contains(uri)) {
			uri = "";
		}
		Element element = new DefaultElement(name(uri, parser.getPrefix(), parser.getName()));
		int depth = parser.getDepth();
		for (int i = parser.getNamespaceCount(depth - 1), end = parser.getNamespaceCount(depth); i < end; i++) {
			String prefix = parser.getNamespacePrefix(i);
			if (prefix != null) {
				element.add(Namespace.get(prefix, parser.getNamespaceUri(i)));
			}
		}
		for (int i = 0, count = parser.getAttributeCount(); i < count; i++) {
			QName name = name(parser.getAttributeNamespace(i), parser.getAttributePrefix(i), parser.getAttributeName(i));
			// The parser already refused duplicate attributes, so no lookup before adding.
			element.add(new DefaultAttribute(name, parser.getAttributeValue(i)));
		}
		return element;
	}

	private QName name(String uri, @Nullable String prefix, String localName) {
		String qualified = (prefix != null) ? prefix + ':' + localName : localName;
		Map<String, QName> inNamespace = this.names.get(uri);
		if (inNamespace == null) {
			inNamespace = new HashMap<>();
			this.names.put(uri, inNamespace);
		}
		QName name = inNamespace.get(qualified);
		if (name == null) {
			if (this.nameCount >= MAX_NAMES) {
				this.names.clear();
				this.nameCount = 0;
				inNamespace = new HashMap<>();
				this.names.put(uri, inNamespace);
			}
			name = new QName(localName, Namespace.get((prefix != null) ? prefix : "", uri));
			inNamespace.put(qualified, name);
			this.nameCount++;
		}
		return name;
	}

}
