package dev.kindling.handler;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

import org.dom4j.Element;
import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;
import org.xmpp.packet.IQ;
import org.xmpp.packet.Packet;

/**
 * {@link OnIq}'s filters: child namespace, child name, request types.
 */
record IqCondition(String namespace, String element, Set<IqType> types) implements StanzaCondition {

	/**
	 * @param implied the child element a payload parameter stands for, which supplies what the
	 * annotation leaves out
	 */
	static IqCondition of(OnIq annotation, ElementArgument.@Nullable ElementName implied, String classNamespace) {
		String namespace = annotation.namespace();
		String element = annotation.element();
		if (implied != null) {
			Assert.isTrue(namespace.isEmpty() || namespace.equals(implied.namespace()), () -> "its payload parameter "
					+ "binds " + implied + ", which a request's child in namespace '" + annotation.namespace()
					+ "' can never be; drop the namespace from @OnIq or make them agree");
			Assert.isTrue(element.isEmpty() || element.equals(implied.name()), () -> "its payload parameter binds "
					+ implied + ", which a child named '" + annotation.element() + "' can never be");
			namespace = implied.namespace();
			element = implied.name();
		}
		namespace = namespace.isEmpty() ? classNamespace : namespace;
		Assert.hasText(namespace, "@OnIq needs a namespace: on the method, from a payload parameter, or from an @OnIq on the class");
		Set<IqType> types = (annotation.type().length == 0) ? EnumSet.allOf(IqType.class)
				: EnumSet.copyOf(Arrays.asList(annotation.type()));
		return new IqCondition(namespace, element, types);
	}

	@Override
	public @Nullable Object match(Packet stanza) {
		IQ iq = (IQ) stanza;
		Element child = iq.getChildElement();
		if (child == null || !this.namespace.equals(child.getNamespaceURI())) {
			return null;
		}
		if (!this.element.isEmpty() && !this.element.equals(child.getName())) {
			return null;
		}
		IqType type = (iq.getType() == IQ.Type.get) ? IqType.GET : IqType.SET;
		return this.types.contains(type) ? MATCHED : null;
	}

	@Override
	public int specificity() {
		return (this.element.isEmpty() ? 0 : 2) + ((this.types.size() == 1) ? 1 : 0);
	}

	@Override
	public boolean overlaps(StanzaCondition other) {
		IqCondition that = (IqCondition) other;
		return this.namespace.equals(that.namespace) && !Collections.disjoint(this.types, that.types)
				&& (this.element.isEmpty() || that.element.isEmpty() || this.element.equals(that.element));
	}

	@Override
	public StanzaKind kind() {
		return StanzaKind.IQ;
	}

	@Override
	public String toString() {
		return "@OnIq(namespace='" + this.namespace + "'" + (this.element.isEmpty() ? "" : ", element='" + this.element + "'")
				+ ", type=" + this.types + ")";
	}

}
