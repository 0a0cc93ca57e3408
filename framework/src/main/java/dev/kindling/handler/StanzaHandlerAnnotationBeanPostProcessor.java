package dev.kindling.handler;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.BeanFactory;

/**
 * Finds {@link OnMessage @OnMessage}, {@link OnIq @OnIq}, {@link OnPresence @OnPresence} and
 * {@link Command @Command} methods on every bean and, once all singletons exist, turns them into
 * handlers in the {@link HandlerRegistry}, which then checks and logs the routing table; the
 * generated {@link CommandHelp help} joins them where there are commands, so do the handlers of
 * every {@link HandlerRegistrar} bean, and every {@link HandlerCheck} bean checks the table.
 */
public class StanzaHandlerAnnotationBeanPostProcessor extends AnnotatedMethodCollector {

	public StanzaHandlerAnnotationBeanPostProcessor() {
		super(StanzaHandlerFactory::isHandler);
	}

	@Override
	protected void register(List<AnnotatedMethod> methods, BeanFactory beanFactory) {
		StanzaHandlerFactory factory = beanFactory.getBean(StanzaHandlerFactory.class);
		HandlerRegistry registry = beanFactory.getBean(HandlerRegistry.class);
		List<StanzaHandler> handlers = new ArrayList<>();
		methods.forEach((found) -> handlers.add(factory.create(found.bean(), found.method())));
		HandlerRegistration registration = new HandlerRegistration(factory);
		beanFactory.getBeanProvider(HandlerRegistrar.class).orderedStream()
			.forEach((registrar) -> registrar.registerHandlers(registration));
		handlers.addAll(registration.handlers());
		boolean help = CommandHelp.isWanted(handlers);
		for (StanzaHandler handler : handlers) {
			if (help || !(handler.bean() instanceof CommandHelp)) {
				registry.register(handler);
			}
		}
		registry.freeze();
		beanFactory.getBeanProvider(HandlerCheck.class).orderedStream().forEach((check) -> check.check(registry.handlers()));
	}

}
