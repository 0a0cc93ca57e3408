package dev.kindling.samples.feed;

import tools.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import tools.jackson.dataformat.xml.annotation.JacksonXmlText;

import dev.kindling.payload.XmppPayload;

/** An Atom entry (RFC 4287), the usual payload of a feed node (XEP-0277 uses it too). */
@XmppPayload(namespace = "http://www.w3.org/2005/Atom", element = "entry")
public record AtomEntry(String id, String title, Author author, String updated, Content content) {

	public record Author(String name) {
	}

	public record Content(@JacksonXmlProperty(isAttribute = true) String type, @JacksonXmlText String text) {
	}

}
