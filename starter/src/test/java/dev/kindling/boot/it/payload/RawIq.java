package dev.kindling.boot.it.payload;

import org.jivesoftware.smack.packet.IQ;

import dev.kindling.test.XmppTestClient;

/** A Smack IQ whose child element is given as XML, for payloads Smack has no class for. */
public final class RawIq extends IQ {

	private final String attributes;

	private final String content;

	public RawIq(String to, Type type, String element, String namespace, String attributes, String content) {
		super(element, namespace);
		this.attributes = attributes;
		this.content = content;
		setType(type);
		setTo(XmppTestClient.jid(to));
	}

	@Override
	protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
		xml.append(' ').append(this.attributes).rightAngleBracket();
		xml.append(this.content);
		return xml;
	}

}
