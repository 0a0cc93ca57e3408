package dev.kindling.test;

import java.util.concurrent.ThreadLocalRandom;

import org.dom4j.DocumentException;
import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;
import org.xmpp.packet.PacketError;
import org.xmpp.packet.PacketError.Condition;
import org.xmpp.packet.Presence;

/**
 * Stanzas for tests, built the way a server delivers them: with {@code from}, {@code to} and an
 * id. Addresses are JID strings, e.g. {@code "alice@localhost/phone"}; child elements are XML
 * strings with their namespace, e.g. {@code "<query xmlns='jabber:iq:version'/>"}.
 */
public final class Stanzas {

	private Stanzas() {
	}

	/** A {@code chat} message. */
	public static Message chat(String from, String to, String body) {
		return message(Message.Type.chat, from, to, body);
	}

	/** A {@code groupchat} message, e.g. from {@code room@conference.localhost/alice}. */
	public static Message groupchat(String from, String to, String body) {
		return message(Message.Type.groupchat, from, to, body);
	}

	/** A message of any type with a body. */
	public static Message message(Message.Type type, String from, String to, String body) {
		Message message = new Message();
		message.setType(type);
		address(message, from, to);
		message.setBody(body);
		return message;
	}

	/** An IQ {@code get} with the given child element. */
	public static IQ iqGet(String from, String to, String childXml) {
		return iq(IQ.Type.get, from, to, childXml);
	}

	/** An IQ {@code set} with the given child element. */
	public static IQ iqSet(String from, String to, String childXml) {
		return iq(IQ.Type.set, from, to, childXml);
	}

	private static IQ iq(IQ.Type type, String from, String to, String childXml) {
		IQ iq = new IQ(type);
		address(iq, from, to);
		iq.setChildElement(xml(childXml));
		return iq;
	}

	/** The empty {@code result} that answers a request. */
	public static IQ result(IQ request) {
		return IQ.createResultIQ(request);
	}

	/** A {@code result} with a child element that answers a request. */
	public static IQ result(IQ request, String childXml) {
		IQ result = IQ.createResultIQ(request);
		result.setChildElement(xml(childXml));
		return result;
	}

	/** An {@code error} that answers a request, with the condition's default type. */
	public static IQ error(IQ request, Condition condition) {
		IQ error = IQ.createResultIQ(request);
		error.setType(IQ.Type.error);
		error.setError(new PacketError(condition));
		return error;
	}

	/** An available presence. */
	public static Presence presence(String from, String to) {
		Presence presence = new Presence();
		address(presence, from, to);
		return presence;
	}

	/** A presence of the given type, e.g. {@code unavailable} or {@code subscribe}. */
	public static Presence presence(Presence.Type type, String from, String to) {
		Presence presence = presence(from, to);
		presence.setType(type);
		return presence;
	}

	/** An unavailable presence. */
	public static Presence unavailable(String from, String to) {
		return presence(Presence.Type.unavailable, from, to);
	}

	/**
	 * An element parsed from XML.
	 * @throws IllegalArgumentException when the XML is not well-formed
	 */
	public static Element xml(String xml) {
		try {
			return DocumentHelper.parseText(xml).getRootElement().createCopy();
		}
		catch (DocumentException ex) {
			throw new IllegalArgumentException("Not well-formed XML: " + xml, ex);
		}
	}

	private static void address(org.xmpp.packet.Packet stanza, String from, String to) {
		stanza.setFrom(new JID(from));
		stanza.setTo(new JID(to));
		stanza.setID("test-" + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36));
	}

}
