package dev.kindling.testsupport;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;

import org.springframework.core.MethodIntrospector;
import org.springframework.core.convert.support.DefaultConversionService;

import dev.kindling.handler.ArgumentValidator;
import dev.kindling.handler.HandlerRegistry;
import dev.kindling.handler.StanzaHandlerFactory;
import dev.kindling.handler.XmppExceptionHandlers;
import dev.kindling.observe.StanzaObserver;
import dev.kindling.routing.StanzaRouter;
import dev.kindling.template.PendingRequests;
import dev.kindling.template.XmppTemplate;

/**
 * Builds the routing parts from plain handler objects the way the bean post-processor does for
 * beans: every annotated method through a {@link StanzaHandlerFactory} into a frozen
 * {@link HandlerRegistry}.
 */
public final class TestRouting {

	private TestRouting() {
	}

	public static StanzaHandlerFactory factory() {
		return new StanzaHandlerFactory(new DefaultConversionService(), List.of(), "!", ArgumentValidator.NONE);
	}

	/** A registry with every handler method of the given objects, frozen (checked and ranked). */
	public static HandlerRegistry registry(Object... handlerObjects) {
		HandlerRegistry registry = new HandlerRegistry();
		register(registry, factory(), handlerObjects);
		registry.freeze();
		return registry;
	}

	/** Add every handler method of the given objects, without freezing. */
	public static void register(HandlerRegistry registry, StanzaHandlerFactory factory, Object... handlerObjects) {
		for (Object bean : handlerObjects) {
			Map<Method, Boolean> methods = MethodIntrospector.selectMethods(bean.getClass(),
					(MethodIntrospector.MetadataLookup<Boolean>) (method) -> StanzaHandlerFactory.isHandler(method) ? Boolean.TRUE
							: null);
			for (Method method : methods.keySet()) {
				registry.register(factory.create(bean, method));
			}
		}
	}

	/** A router over a frozen registry of the given handler objects. */
	public static StanzaRouter router(XmppTemplate template, PendingRequests pending, Object... handlerObjects) {
		StanzaHandlerFactory factory = factory();
		HandlerRegistry registry = new HandlerRegistry();
		register(registry, factory, handlerObjects);
		registry.freeze();
		return new StanzaRouter(registry, factory.returnValueHandlers(), template, pending, StanzaObserver.NONE,
				List.of(), XmppExceptionHandlers.none());
	}

	public static StanzaRouter router(XmppTemplate template, Object... handlerObjects) {
		return router(template, new PendingRequests(100, StanzaObserver.NONE), handlerObjects);
	}

}
