package dev.kindling.observe;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags handler invocation observations; declare a bean of your own to replace
 * {@link DefaultHandlerObservationConvention} (or extend it to add tags).
 */
public interface HandlerObservationConvention extends ObservationConvention<HandlerObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof HandlerObservationContext;
	}

}
