package dev.kindling.handler;

import java.util.List;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.core.annotation.AnnotatedElementUtils;

/**
 * Finds {@link OnMessage @OnMessage}, {@link OnIq @OnIq} and {@link OnPresence @OnPresence}
 * methods on every bean and, once all singletons exist, turns them into handlers in the
 * {@link HandlerRegistry}, which then checks and logs the routing table.
 */
public class StanzaHandlerAnnotationBeanPostProcessor extends AnnotatedMethodCollector {

	public StanzaHandlerAnnotationBeanPostProcessor() {
		super(StanzaHandlerFactory::isHandler);
	}

	@Override
	protected void register(List<AnnotatedMethod> methods, BeanFactory beanFactory) {
		StanzaHandlerFactory factory = beanFactory.getBean(StanzaHandlerFactory.class);
		HandlerRegistry registry = beanFactory.getBean(HandlerRegistry.class);
		List<StanzaHandler> handlers = methods.stream().map((found) -> factory.create(found.bean(), found.method())).toList();
		// The generated help only where there are commands to list.
		boolean commands = methods.stream().anyMatch((found) -> !(found.bean() instanceof CommandHelp)
				&& AnnotatedElementUtils.hasAnnotation(found.method(), Command.class));
		for (int i = 0; i < handlers.size(); i++) {
			if (commands || !(methods.get(i).bean() instanceof CommandHelp)) {
				registry.register(handlers.get(i));
			}
		}
		registry.freeze();
	}

}
