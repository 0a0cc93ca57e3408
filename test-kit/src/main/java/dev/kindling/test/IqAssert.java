package dev.kindling.test;

import org.assertj.core.api.Assertions;
import org.assertj.core.api.ObjectAssert;
import org.dom4j.Element;
import org.xmpp.packet.IQ;

/**
 * Assertions on an IQ the component wrote: an answer to a request, or a request of its own.
 */
public final class IqAssert extends StanzaAssert<IqAssert, IQ> {

	IqAssert(IQ actual) {
		super(actual, IqAssert.class);
	}

	public IqAssert hasType(IQ.Type type) {
		isNotNull();
		if (this.actual.getType() != type) {
			failWithMessage("Expected an IQ %s but was %s:%n  %s", type, this.actual.getType(), this.actual.toXML());
		}
		return this;
	}

	public IqAssert isResult() {
		return hasType(IQ.Type.result);
	}

	public IqAssert isError() {
		return hasType(IQ.Type.error);
	}

	public IqAssert isGet() {
		return hasType(IQ.Type.get);
	}

	public IqAssert isSet() {
		return hasType(IQ.Type.set);
	}

	/** A child element with this name and namespace. */
	public IqAssert hasChild(String name, String namespace) {
		isNotNull();
		Element child = this.actual.getChildElement();
		if (child == null || !name.equals(child.getName()) || !namespace.equals(child.getNamespaceURI())) {
			failWithMessage("Expected a child <%s xmlns='%s'/> in%n  %s", name, namespace, this.actual.toXML());
		}
		return this;
	}

	/** The child element, for assertions of its own. */
	public ObjectAssert<Element> child() {
		isNotNull();
		Element child = this.actual.getChildElement();
		if (child == null) {
			failWithMessage("Expected a child element in%n  %s", this.actual.toXML());
		}
		return Assertions.assertThat(child);
	}

}
