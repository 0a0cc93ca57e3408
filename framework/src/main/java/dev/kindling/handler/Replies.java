package dev.kindling.handler;

import org.dom4j.Element;
import org.xmpp.packet.IQ;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;
import org.xmpp.packet.PacketError;
import org.xmpp.packet.Presence;

import dev.kindling.StanzaAddresses;

/**
 * Builds answers to inbound stanzas, addressed back to the sender from the address it wrote to.
 */
public final class Replies {

	private Replies() {
	}

	/**
	 * A message of the same type with the given body, keeping id and thread. A {@code groupchat}
	 * reply goes to the room, not to the occupant.
	 */
	public static Message message(Message to, String body) {
		Message reply = new Message();
		Message.Type type = to.getType();
		reply.setType(type);
		String from = StanzaAddresses.from(to);
		reply.getElement().addAttribute("to", (type == Message.Type.groupchat) ? StanzaAddresses.bare(from) : from);
		reply.getElement().addAttribute("from", StanzaAddresses.to(to));
		reply.setID(to.getID());
		if (to.getThread() != null) {
			reply.setThread(to.getThread());
		}
		reply.setBody(body);
		return reply;
	}

	/** An empty {@code result} for an IQ request. */
	public static IQ result(IQ request) {
		return IQ.createResultIQ(request);
	}

	/** A {@code result} carrying the given child element. */
	public static IQ result(IQ request, Element child) {
		IQ result = IQ.createResultIQ(request);
		result.setChildElement(child);
		return result;
	}

	/**
	 * The error answer to any stanza (RFC 6120 §8.3): same kind, same id, type {@code error}, the
	 * IQ's child element echoed back.
	 */
	public static Packet error(Packet request, PacketError error) {
		Packet reply;
		if (request instanceof IQ iq) {
			IQ answer = IQ.createResultIQ(iq);
			answer.setType(IQ.Type.error);
			Element child = iq.getChildElement();
			if (child != null) {
				answer.setChildElement(child.createCopy());
			}
			reply = answer;
		}
		else if (request instanceof Message message) {
			Message answer = new Message();
			answer.setType(Message.Type.error);
			if (message.getThread() != null) {
				answer.setThread(message.getThread());
			}
			reply = answer;
		}
		else {
			reply = new Presence(Presence.Type.error);
		}
		if (!(request instanceof IQ)) {
			reply.setTo(request.getFrom());
			reply.setFrom(request.getTo());
			reply.setID(request.getID());
		}
		reply.setError(error);
		return reply;
	}

	/** Whether a stanza is itself an error, which is never answered (no error loops). */
	public static boolean isError(Packet stanza) {
		if (stanza instanceof IQ iq) {
			return iq.getType() == IQ.Type.error;
		}
		if (stanza instanceof Message message) {
			return message.getType() == Message.Type.error;
		}
		return stanza instanceof Presence presence && presence.getType() == Presence.Type.error;
	}

}
