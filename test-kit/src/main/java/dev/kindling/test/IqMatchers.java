package dev.kindling.test;

import java.util.function.Predicate;

import org.dom4j.Element;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;

/**
 * Conditions on the component's own IQ requests, for {@link XmppTestHarness#whenRequest}; combine
 * them with {@link Predicate#and}.
 */
public final class IqMatchers {

	private IqMatchers() {
	}

	/** Requests to this address (compared as full JIDs, after normalization). */
	public static Predicate<IQ> to(String jid) {
		JID expected = new JID(jid);
		return (request) -> expected.equals(request.getTo());
	}

	/** Requests whose child element has this namespace. */
	public static Predicate<IQ> namespace(String namespace) {
		return (request) -> {
			Element child = request.getChildElement();
			return child != null && namespace.equals(child.getNamespaceURI());
		};
	}

	/** Requests of this type, {@code get} or {@code set}. */
	public static Predicate<IQ> type(IQ.Type type) {
		return (request) -> request.getType() == type;
	}

	/** Every request. */
	public static Predicate<IQ> any() {
		return (request) -> true;
	}

}
