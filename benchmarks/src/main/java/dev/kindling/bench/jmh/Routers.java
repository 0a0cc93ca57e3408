package dev.kindling.bench.jmh;

import java.lang.reflect.Method;
import java.util.List;

import org.springframework.core.MethodIntrospector;
import org.springframework.core.convert.support.DefaultConversionService;

import dev.kindling.builtin.PingHandler;
import dev.kindling.handler.ArgumentValidator;
import dev.kindling.handler.HandlerRegistry;
import dev.kindling.handler.StanzaHandlerFactory;
import dev.kindling.handler.XmppExceptionHandlers;
import dev.kindling.observe.StanzaObserver;
import dev.kindling.routing.StanzaRouter;
import dev.kindling.template.PendingRequests;
import dev.kindling.template.XmppTemplate;

/** Builds registries and routers from handler objects the way the bean post-processor does. */
final class Routers {

	private Routers() {
	}

	static HandlerRegistry registry(StanzaHandlerFactory factory, Object... handlerObjects) {
		HandlerRegistry registry = new HandlerRegistry();
		for (Object bean : handlerObjects) {
			for (Method method : MethodIntrospector.selectMethods(bean.getClass(),
					(MethodIntrospector.MetadataLookup<Boolean>) (m) -> StanzaHandlerFactory.isHandler(m) ? Boolean.TRUE : null)
				.keySet()) {
				registry.register(factory.create(bean, method));
			}
		}
		registry.freeze();
		return registry;
	}

	static StanzaHandlerFactory factory() {
		return new StanzaHandlerFactory(new DefaultConversionService(), List.of(), "!", ArgumentValidator.NONE);
	}

	/** The echo handler alone (1) or with 98 more message handlers beside it and the built-in ping (100). */
	static Object[] handlers(int count) {
		return (count == 1) ? new Object[] { new EchoHandler() }
				: new Object[] { new EchoHandler(), new ManyHandlers(), new PingHandler() };
	}

	static StanzaRouter router(XmppTemplate template, int handlers) {
		StanzaHandlerFactory factory = factory();
		return new StanzaRouter(registry(factory, handlers(handlers)), factory.returnValueHandlers(), template,
				new PendingRequests(100, StanzaObserver.NONE), StanzaObserver.NONE, List.of(),
				XmppExceptionHandlers.none());
	}

}
