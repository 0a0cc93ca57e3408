package dev.kindling;

import org.dom4j.Element;
import org.jspecify.annotations.Nullable;
import org.xmpp.packet.IQ;

/**
 * What an IQ carries, by name, for code that looks at IQs before any handler binds them (a
 * {@code RoutingInterceptor}, an observer) and should not need dom4j for it.
 */
public final class IqChild {

	private IqChild() {
	}

	/** The namespace of the IQ's child element, or {@code null} when it has none. */
	public static @Nullable String namespace(IQ iq) {
		Element child = iq.getChildElement();
		return (child != null) ? child.getNamespaceURI() : null;
	}

	/** The local name of the IQ's child element, or {@code null} when it has none. */
	public static @Nullable String name(IQ iq) {
		Element child = iq.getChildElement();
		return (child != null) ? child.getName() : null;
	}

}
