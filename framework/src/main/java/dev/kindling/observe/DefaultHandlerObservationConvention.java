package dev.kindling.observe;

import java.util.Locale;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import org.jspecify.annotations.Nullable;

import dev.kindling.observe.XmppObservationDocumentation.HandlerHighCardinalityKeys;
import dev.kindling.observe.XmppObservationDocumentation.HandlerKeys;

/**
 * Names handler invocations {@value #NAME} (the span: the handler's name) with the low-cardinality
 * keys {@code handler}, {@code kind} and {@code outcome}, and the sender's address as a
 * high-cardinality key.
 */
public class DefaultHandlerObservationConvention implements HandlerObservationConvention {

	/** The observation's name; not {@code xmpp.handler.duration}, the timer Kindling registers itself. */
	public static final String NAME = "xmpp.handler.invocation";

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public String getContextualName(HandlerObservationContext context) {
		return context.getHandler().name();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(HandlerObservationContext context) {
		HandlerOutcome outcome = context.getOutcome();
		return KeyValues.of(KeyValue.of(HandlerKeys.HANDLER, context.getHandler().name()),
				KeyValue.of(HandlerKeys.KIND, context.getStanza().getElement().getName()),
				KeyValue.of(HandlerKeys.OUTCOME, (outcome != null) ? outcome.tagValue() : "unknown"));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(HandlerObservationContext context) {
		@Nullable String from = context.getStanza().getElement().attributeValue("from");
		return KeyValues.of(KeyValue.of(HandlerHighCardinalityKeys.FROM, (from != null) ? from : "none"));
	}

	static String tagValue(Enum<?> value) {
		return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

}
