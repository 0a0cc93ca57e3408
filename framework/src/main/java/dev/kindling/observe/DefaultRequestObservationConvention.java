package dev.kindling.observe;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import org.dom4j.Element;
import org.jspecify.annotations.Nullable;

import dev.kindling.observe.XmppObservationDocumentation.RequestHighCardinalityKeys;
import dev.kindling.observe.XmppObservationDocumentation.RequestKeys;

/**
 * Names the component's IQ requests {@value #NAME} (the span: {@code iq get urn:xmpp:ping}) with the
 * low-cardinality keys {@code type}, {@code namespace} and {@code outcome}, and the recipient as a
 * high-cardinality key.
 */
public class DefaultRequestObservationConvention implements RequestObservationConvention {

	/** The observation's name; not {@code xmpp.requests}, the timer Kindling registers itself. */
	public static final String NAME = "xmpp.iq.request";

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public String getContextualName(RequestObservationContext context) {
		return "iq " + type(context) + " " + namespace(context);
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(RequestObservationContext context) {
		RequestOutcome outcome = context.getOutcome();
		return KeyValues.of(KeyValue.of(RequestKeys.TYPE, type(context)),
				KeyValue.of(RequestKeys.NAMESPACE, namespace(context)), KeyValue.of(RequestKeys.OUTCOME,
						(outcome != null) ? DefaultHandlerObservationConvention.tagValue(outcome) : "unknown"));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(RequestObservationContext context) {
		@Nullable String to = context.getRequest().getElement().attributeValue("to");
		return KeyValues.of(KeyValue.of(RequestHighCardinalityKeys.TO, (to != null) ? to : "none"));
	}

	private static String type(RequestObservationContext context) {
		@Nullable String type = context.getRequest().getElement().attributeValue("type");
		return (type != null) ? type : "none";
	}

	private static String namespace(RequestObservationContext context) {
		@Nullable Element child = context.getRequest().getChildElement();
		return (child != null && !child.getNamespaceURI().isEmpty()) ? child.getNamespaceURI() : "none";
	}

}
