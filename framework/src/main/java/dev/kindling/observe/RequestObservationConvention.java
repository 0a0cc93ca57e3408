package dev.kindling.observe;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags IQ request observations; declare a bean of your own to replace
 * {@link DefaultRequestObservationConvention} (or extend it to add tags).
 */
public interface RequestObservationConvention extends ObservationConvention<RequestObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof RequestObservationContext;
	}

}
