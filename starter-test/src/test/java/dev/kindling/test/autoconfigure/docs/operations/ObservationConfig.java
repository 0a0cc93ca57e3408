package dev.kindling.test.autoconfigure.docs.operations;

// tag::convention[]
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.kindling.observe.DefaultHandlerObservationConvention;
import dev.kindling.observe.HandlerObservationContext;
import dev.kindling.observe.HandlerObservationConvention;

@Configuration(proxyBeanMethods = false)
class ObservationConfig {

	@Bean
	HandlerObservationConvention handlerObservationConvention() {
		return new DefaultHandlerObservationConvention() {
			@Override
			public KeyValues getLowCardinalityKeyValues(HandlerObservationContext context) {
				return super.getLowCardinalityKeyValues(context).and(KeyValue.of("bot", "referee"));
			}
		};
	}
}
// end::convention[]
