package dev.kindling.handler;

import java.lang.annotation.Annotation;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.messaging.handler.invocation.HandlerMethodArgumentResolver;

/**
 * A mapping annotation served by a module rather than by the routing table, such as
 * {@code @OnPubSubEvent} or {@code @AdHocCommand}: the module decides when its methods run (per
 * pubsub item, per command step) and calls them as {@link StanzaHandler}s built by
 * {@link StanzaHandlerFactory#create(Object, java.lang.reflect.Method, EndpointMapping)}, so they
 * bind the same arguments as every handler, plus the module's own.
 *
 * @param annotation the mapping annotation, for startup errors and {@link #of(MethodParameter)}
 * @param kind the kind of stanza the method is called for (an event arrives in a message, a command step in an IQ)
 * @param description the mapping as the handler table and logs show it, e.g. {@code @OnPubSubEvent(node='news')}
 * @param resolvers the module's resolvers, tried ahead of every other; they read the per-call facts
 * the module puts in the {@link InboundStanza} ({@link InboundStanza#fact}, also its headers)
 * @param rooms the rooms a {@code room} filter of the mapping names, checked at startup like
 * {@code @OnMessage}'s by the {@link HandlerCheck}s (empty for none)
 */
public record EndpointMapping(Class<? extends Annotation> annotation, StanzaKind kind, String description,
		List<HandlerMethodArgumentResolver> resolvers, Set<String> rooms) {

	public EndpointMapping {
		resolvers = List.copyOf(resolvers);
		rooms = Set.copyOf(rooms);
	}

	/** The mapping of the endpoint that owns this parameter, or {@code null} for a routed handler or another method. */
	public static @Nullable EndpointMapping of(MethodParameter parameter) {
		return (parameter instanceof HandlerParameter handlerParameter) ? handlerParameter.endpoint() : null;
	}

	@Override
	public String toString() {
		return this.description;
	}

}
