package dev.kindling.pubsub;

import java.lang.reflect.Method;
import java.util.List;

import org.springframework.beans.factory.BeanFactory;

import dev.kindling.handler.AnnotatedMethodCollector;

/**
 * Finds {@link OnPubSubEvent @OnPubSubEvent} methods on every bean and, once all singletons exist,
 * registers them with the {@link PubSubEventDispatcher}, which is looked up then, not injected.
 */
public class PubSubEventAnnotationBeanPostProcessor extends AnnotatedMethodCollector {

	public PubSubEventAnnotationBeanPostProcessor() {
		super(PubSubEventAnnotationBeanPostProcessor::isHandler);
	}

	/** Whether the method carries {@link OnPubSubEvent @OnPubSubEvent}. */
	public static boolean isHandler(Method method) {
		return PubSubEventHandler.isHandler(method);
	}

	@Override
	protected void register(List<AnnotatedMethod> methods, BeanFactory beanFactory) {
		if (methods.isEmpty()) {
			return;
		}
		PubSubEventDispatcher dispatcher = beanFactory.getBean(PubSubEventDispatcher.class);
		for (AnnotatedMethod found : methods) {
			dispatcher.register(found.bean(), found.method(), this::resolvePlaceholders);
		}
	}

}
