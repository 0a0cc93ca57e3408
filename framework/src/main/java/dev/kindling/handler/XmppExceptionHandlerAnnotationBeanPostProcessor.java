package dev.kindling.handler;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.BeanFactory;

/**
 * Finds {@link XmppExceptionHandler @XmppExceptionHandler} methods on every bean and, once all
 * singletons exist, registers their beans (handler beans and {@link XmppAdvice @XmppAdvice} beans)
 * with the {@link XmppExceptionHandlers}, which checks each method: a mistake fails startup with a
 * {@link HandlerDefinitionException} naming the method.
 */
public class XmppExceptionHandlerAnnotationBeanPostProcessor extends AnnotatedMethodCollector {

	public XmppExceptionHandlerAnnotationBeanPostProcessor() {
		super(XmppExceptionHandlers::isExceptionHandler);
	}

	@Override
	protected void register(List<AnnotatedMethod> methods, BeanFactory beanFactory) {
		if (methods.isEmpty()) {
			return;
		}
		XmppExceptionHandlers handlers = beanFactory.getBean(XmppExceptionHandlers.class);
		Set<Object> beans = Collections.newSetFromMap(new IdentityHashMap<>());
		methods.forEach((found) -> beans.add(found.bean()));
		beans.forEach(handlers::register);
	}

}
