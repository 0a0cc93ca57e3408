package dev.kindling.testsupport;

import org.jspecify.annotations.Nullable;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;
import org.xmpp.packet.Presence;

/**
 * Inbound stanzas as the server would deliver them to the component.
 */
public final class Stanzas {

	private Stanzas() {
	}

	public static Message message(Message.Type type, String from, String to, @Nullable String body) {
		Message message = new Message();
		message.setType(type);
		message.setFrom(new JID(from));
		message.setTo(new JID(to));
		if (body != null) {
			message.setBody(body);
		}
		return message;
	}

	public static Message chat(String from, String to, @Nullable String body) {
		return message(Message.Type.chat, from, to, body);
	}

	public static IQ iq(IQ.Type type, String from, String to, String element, String namespace) {
		IQ iq = new IQ(type);
		iq.setFrom(new JID(from));
		iq.setTo(new JID(to));
		iq.setChildElement(element, namespace);
		return iq;
	}

	public static IQ get(String from, String to, String element, String namespace) {
		return iq(IQ.Type.get, from, to, element, namespace);
	}

	public static Presence presence(Presence.@Nullable Type type, String from, String to) {
		Presence presence = new Presence(type);
		presence.setFrom(new JID(from));
		presence.setTo(new JID(to));
		return presence;
	}

}
