package dev.kindling.handler;

import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;

/**
 * What a module's own mapping annotation declares for a method that runs on the module's events
 * rather than on routed stanzas, such as {@code @OnOccupant} on room occupant changes. The module
 * turns each method into a {@link StanzaHandler} with
 * {@link StanzaHandlerFactory#create(Object, java.lang.reflect.Method, EventEndpoint)}, chooses the
 * endpoints for each event itself and invokes them with
 * {@code StanzaRouter.dispatch(handler, new InboundStanza(stanza, template, handler.name(), event))}:
 * the same argument resolvers, validation, return value handlers, exception handlers and
 * observation as every other handler. The module's resolvers read the event from
 * {@link InboundStanza#event()} and recognise its endpoints with {@link #eventTypeOf}.
 *
 * @param mapping how the declaration reads, for logs and startup errors, such as
 * {@code @OnOccupant(kind=[JOINED], room=[lobby])}
 * @param kind the kind of the stanza that causes the event (what {@code @From} and a stanza
 * parameter see)
 * @param eventType the type of the event
 * @param rooms the rooms a {@code room} filter names, checked at startup like {@code @OnMessage}'s
 * (empty for none)
 */
public record EventEndpoint(String mapping, StanzaKind kind, Class<?> eventType, Set<String> rooms) {

	public EventEndpoint {
		rooms = Set.copyOf(rooms);
	}

	/**
	 * The event type of the endpoint that owns this parameter (or return type); {@code null} for a
	 * handler of routed stanzas or a method that is no Kindling handler.
	 */
	public static @Nullable Class<?> eventTypeOf(MethodParameter parameter) {
		return HandlerParameter.eventTypeOf(parameter);
	}

}
