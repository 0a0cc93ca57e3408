package dev.kindling.handler;

import java.util.List;

import org.springframework.messaging.handler.invocation.HandlerMethodArgumentResolver;
import org.springframework.messaging.handler.invocation.HandlerMethodReturnValueHandler;

/**
 * Contributes argument resolvers and return value handlers to every handler method, ahead of
 * Kindling's own. Declare it as a bean; the payload binding and room support plug in this way.
 */
public interface HandlerMethodConfigurer {

	default void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
	}

	default void addReturnValueHandlers(List<HandlerMethodReturnValueHandler> handlers) {
	}

}
