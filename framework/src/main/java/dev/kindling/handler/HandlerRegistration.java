package dev.kindling.handler;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.core.annotation.AnnotationUtils;

/**
 * What a {@link HandlerRegistrar} adds: a method of any object, mapped by its own annotation or by
 * one given here ({@link #mapping}).
 */
public final class HandlerRegistration {

	private final StanzaHandlerFactory factory;

	private final List<StanzaHandler> handlers = new ArrayList<>();

	HandlerRegistration(StanzaHandlerFactory factory) {
		this.factory = factory;
	}

	/** A method mapped by its own {@code @OnMessage}, {@code @OnIq}, {@code @OnPresence} or {@code @Command}. */
	public HandlerRegistration add(Object bean, Method method) {
		return add(bean, method, null);
	}

	/** A method mapped by the given annotation, such as one made with {@link #mapping}. */
	public HandlerRegistration add(Object bean, Method method, @Nullable Annotation mapping) {
		this.handlers.add(this.factory.create(bean, method, mapping));
		return this;
	}

	/**
	 * A mapping annotation built in code: {@code mapping(OnIq.class, Map.of("namespace", "urn:example:score"))};
	 * attributes left out take their defaults.
	 */
	public static <A extends Annotation> A mapping(Class<A> type, Map<String, Object> attributes) {
		return AnnotationUtils.synthesizeAnnotation(attributes, type, null);
	}

	List<StanzaHandler> handlers() {
		return this.handlers;
	}

}
