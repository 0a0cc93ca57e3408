package dev.kindling.handler;

import org.dom4j.Element;
import org.xmpp.packet.IQ;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;
import org.xmpp.packet.PacketError;
import org.xmpp.packet.Presence;

import dev.kindling.StanzaAddresses;
import dev.kindling.XmppErrorException;

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
		addressedBack(reply, to);
		if (type == Message.Type.groupchat) {
			reply.getElement().addAttribute("to", StanzaAddresses.bare(StanzaAddresses.from(to)));
		}
		reply.setID(to.getID());
		if (to.getThread() != null) {
			reply.setThread(to.getThread());
		}
		reply.setBody(body);
		return reply;
	}

	/**
	 * A reply meant for the sender alone, such as a usage hint: like {@link #message}, but in a room
	 * it is addressed to the occupant by nick ({@code "alice: …"}).
	 */
	public static Message toSender(Message to, String body) {
		if (to.getType() != Message.Type.groupchat) {
			return message(to, body);
		}
		String from = StanzaAddresses.from(to);
		int slash = from.indexOf('/');
		return message(to, (slash < 0) ? body : from.substring(slash + 1) + ": " + body);
	}

	/** An empty {@code result} for an IQ request. */
	public static IQ result(IQ request) {
		return resultFor(request);
	}

	/** A {@code result} carrying the given child element. */
	public static IQ result(IQ request, Element child) {
		IQ result = resultFor(request);
		result.setChildElement(child);
		return result;
	}

	/**
	 * The error answer to any stanza with a Kindling error, such as
	 * {@code new XmppErrorException(ErrorCondition.RESOURCE_CONSTRAINT, "Try again in a moment")}.
	 * @see #error(Packet, PacketError)
	 */
	public static Packet error(Packet request, XmppErrorException error) {
		return error(request, error.toPacketError());
	}

	/**
	 * The error answer to any stanza (RFC 6120 §8.3): same kind, same id, type {@code error}, the
	 * IQ's child element echoed back.
	 */
	public static Packet error(Packet request, PacketError error) {
		Packet reply;
		if (request instanceof IQ iq) {
			IQ answer = resultFor(iq);
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
			addressedBack(reply, request);
			reply.setID(request.getID());
		}
		reply.setError(error);
		return reply;
	}

	/** Tinder's {@code IQ.createResultIQ}, with the addresses copied as the server wrote them. */
	private static IQ resultFor(IQ request) {
		IQ.Type type = request.getType();
		if (type != IQ.Type.get && type != IQ.Type.set) {
			throw new IllegalArgumentException("Only a get or set IQ has an answer, not " + type + ": " + request.toXML());
		}
		return addressedBack(new IQ(IQ.Type.result, request.getID()), request);
	}

	/**
	 * Address the reply to the request's sender, from the address the request was sent to. The
	 * strings are copied: Tinder's {@code getFrom()}/{@code setTo()} would serialize each JID again.
	 */
	private static <P extends Packet> P addressedBack(P reply, Packet request) {
		reply.getElement().addAttribute("to", StanzaAddresses.from(request));
		reply.getElement().addAttribute("from", StanzaAddresses.to(request));
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
