package dev.kindling.muc;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.core.annotation.AnnotatedElementUtils;

import dev.kindling.handler.AnnotatedMethodCollector;
import dev.kindling.handler.EndpointMapping;
import dev.kindling.handler.HandlerCheck;
import dev.kindling.handler.HandlerDefinitionException;
import dev.kindling.handler.RoomNames;
import dev.kindling.handler.StanzaHandler;
import dev.kindling.handler.StanzaHandlerFactory;
import dev.kindling.handler.StanzaKind;

/**
 * Finds {@link OnOccupant @OnOccupant} methods on every bean and, once all singletons exist, turns
 * them into handlers with the {@link StanzaHandlerFactory} (the same resolvers, validation and
 * return value handlers as every handler, checked at startup) for the {@link OccupantHandlers};
 * every {@link HandlerCheck} bean checks them too, so a mistyped {@code room} fails startup.
 */
public class OnOccupantAnnotationBeanPostProcessor extends AnnotatedMethodCollector {

	public OnOccupantAnnotationBeanPostProcessor() {
		super((method) -> AnnotatedElementUtils.hasAnnotation(method, OnOccupant.class));
	}

	@Override
	protected void register(List<AnnotatedMethod> methods, BeanFactory beanFactory) {
		if (methods.isEmpty()) {
			return;
		}
		StanzaHandlerFactory factory = beanFactory.getBean(StanzaHandlerFactory.class);
		OccupantHandlers occupantHandlers = beanFactory.getBean(OccupantHandlers.class);
		List<StanzaHandler> handlers = methods.stream().map((found) -> {
			OnOccupant annotation = AnnotatedElementUtils.findMergedAnnotation(found.method(), OnOccupant.class);
			Set<OccupantEvent.Kind> kinds = Set.copyOf(Arrays.asList(annotation.kind()));
			Set<String> rooms = rooms(annotation, found);
			EndpointMapping endpoint = new EndpointMapping(OnOccupant.class, StanzaKind.PRESENCE, mapping(kinds, rooms),
					List.of(), rooms);
			StanzaHandler handler = factory.create(found.bean(), found.method(), endpoint);
			occupantHandlers.register(handler, kinds, rooms);
			return handler;
		}).toList();
		beanFactory.getBeanProvider(HandlerCheck.class).orderedStream().forEach((check) -> check.check(handlers));
	}

	private Set<String> rooms(OnOccupant annotation, AnnotatedMethod found) {
		Set<String> rooms = new LinkedHashSet<>();
		for (String value : annotation.room()) {
			String room = resolvePlaceholders(value);
			try {
				rooms.add(RoomNames.of(room));
			}
			catch (IllegalArgumentException ex) {
				throw new HandlerDefinitionException(found.method().getDeclaringClass().getSimpleName() + "."
						+ found.method().getName() + ": @OnOccupant room '" + room + "' is not a room: " + ex.getMessage());
			}
		}
		return rooms;
	}

	private static String mapping(Set<OccupantEvent.Kind> kinds, Set<String> rooms) {
		StringBuilder text = new StringBuilder("@OnOccupant(");
		if (!kinds.isEmpty()) {
			text.append("kind=").append(kinds.stream().sorted().toList());
		}
		if (!rooms.isEmpty()) {
			text.append(kinds.isEmpty() ? "" : ", ").append("room=").append(rooms);
		}
		return text.append(')').toString();
	}

}
