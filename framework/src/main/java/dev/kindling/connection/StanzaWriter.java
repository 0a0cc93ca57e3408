package dev.kindling.connection;

import java.util.Arrays;

import org.dom4j.Attribute;
import org.dom4j.Element;
import org.dom4j.Namespace;
import org.dom4j.Node;

/**
 * Writes a stanza's dom4j tree as XML text, the way RFC 6120 wants it on a stream: no XML
 * declaration, no comments or processing instructions (section 11.1), no whitespace added, every
 * character the tree holds kept, and only characters XML 1.0 allows.
 *
 * <p>Replaces dom4j's {@code XMLWriter} on the writer thread, where that was about a fifth of the
 * component's CPU per stanza (docs/performance.md): it escapes in one pass over each string, looks
 * namespaces up in a small array instead of a stack of objects, and writes into one
 * {@link StringBuilder} the caller reuses. A namespace is declared where its binding differs from
 * the one in scope, so the text parses back to the same names; a child without a namespace under
 * a parent with a default namespace is left to inherit it, as dom4j does (trees built with
 * {@code addElement} never hold such a child otherwise). A character XML cannot carry (most
 * controls below U+0020, a lone surrogate, U+FFFE, U+FFFF) is written as U+FFFD: the server would
 * close the whole stream on it.
 *
 * <p>Not thread-safe: one instance per writer thread.
 */
public final class StanzaWriter {

	private static final char REPLACEMENT = '\uFFFD';

	/** Prefixes and URIs in scope, innermost last: pairs at {@code [2i]} and {@code [2i + 1]}. */
	private String[] bindings = new String[16];

	private int bound;

	/**
	 * Append the element, its attributes and everything inside it to {@code out}.
	 * @param element a stanza or any element of one
	 * @param out where the text goes
	 */
	public void write(Element element, StringBuilder out) {
		this.bound = 0;
		writeElement(element, out);
	}

	private void writeElement(Element element, StringBuilder out) {
		int scope = this.bound;
		String name = element.getQualifiedName();
		out.append('<').append(name);
		Namespace namespace = element.getNamespace();
		if (!namespace.getURI().isEmpty() || !namespace.getPrefix().isEmpty()) {
			declare(namespace.getPrefix(), namespace.getURI(), out);
		}
		int children = element.nodeCount();
		for (int i = 0; i < children; i++) {
			// Declared namespaces are nodes of the content (declaredNamespaces() would copy them into a new list).
			if (element.node(i) instanceof Namespace extra) {
				declare(extra.getPrefix(), extra.getURI(), out);
			}
		}
		for (int i = 0, count = element.attributeCount(); i < count; i++) {
			Attribute attribute = element.attribute(i);
			String prefix = attribute.getNamespacePrefix();
			if (!prefix.isEmpty() && !"xml".equals(prefix)) {
				declare(prefix, attribute.getNamespaceURI(), out);
			}
			out.append(' ').append(attribute.getQualifiedName()).append("=\"");
			escape(attribute.getValue(), true, out);
			out.append('"');
		}
		if (children == 0) {
			out.append("/>");
		}
		else {
			out.append('>');
			for (int i = 0; i < children; i++) {
				writeNode(element.node(i), out);
			}
			out.append("</").append(name).append('>');
		}
		this.bound = scope;
	}

	private void writeNode(Node node, StringBuilder out) {
		switch (node.getNodeType()) {
			case Node.ELEMENT_NODE -> writeElement((Element) node, out);
			case Node.TEXT_NODE, Node.CDATA_SECTION_NODE, Node.ENTITY_REFERENCE_NODE -> escape(node.getText(), false, out);
			default -> {
				// Comments and processing instructions must not be sent (RFC 6120, 11.1); namespace
				// nodes are declared with their element.
			}
		}
	}

	/** Write {@code xmlns[:prefix]="uri"} unless that binding is already in scope. */
	private void declare(String prefix, String uri, StringBuilder out) {
		if (uri.equals(boundUri(prefix))) {
			return;
		}
		if (2 * this.bound + 2 > this.bindings.length) {
			this.bindings = Arrays.copyOf(this.bindings, this.bindings.length * 2);
		}
		this.bindings[2 * this.bound] = prefix;
		this.bindings[2 * this.bound + 1] = uri;
		this.bound++;
		out.append(" xmlns");
		if (!prefix.isEmpty()) {
			out.append(':').append(prefix);
		}
		out.append("=\"");
		escape(uri, true, out);
		out.append('"');
	}

	/** The URI the prefix is bound to here; {@code ""} when unbound. */
	private String boundUri(String prefix) {
		for (int i = this.bound - 1; i >= 0; i--) {
			if (this.bindings[2 * i].equals(prefix)) {
				return this.bindings[2 * i + 1];
			}
		}
		return "";
	}

	/**
	 * Escape markup characters (and, in attributes, the quote and the whitespace that attribute
	 * normalization would turn into spaces), replacing characters XML 1.0 cannot carry.
	 */
	static void escape(String text, boolean attribute, StringBuilder out) {
		int length = text.length();
		int clean = 0;
		for (int i = 0; i < length; i++) {
			char c = text.charAt(i);
			String entity = null;
			char replacement = 0;
			if (c < 0x20) {
				if (c == '\n') {
					entity = attribute ? "&#10;" : null;
				}
				else if (c == '\r') {
					entity = "&#13;";
				}
				else if (c == '\t') {
					entity = attribute ? "&#9;" : null;
				}
				else {
					replacement = REPLACEMENT;
				}
			}
			else if (c == '&') {
				entity = "&amp;";
			}
			else if (c == '<') {
				entity = "&lt;";
			}
			else if (c == '>') {
				entity = "&gt;";
			}
			else if (c == '"') {
				entity = attribute ? "&quot;" : null;
			}
			else if (c >= 0xD800) {
				if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
					i++;
				}
				else if (Character.isSurrogate(c) || c == '\uFFFE' || c == '\uFFFF') {
					replacement = REPLACEMENT;
				}
			}
			if (entity != null || replacement != 0) {
				out.append(text, clean, i);
				if (entity != null) {
					out.append(entity);
				}
				else {
					out.append(replacement);
				}
				clean = i + 1;
			}
		}
		out.append(text, clean, length);
	}

}
