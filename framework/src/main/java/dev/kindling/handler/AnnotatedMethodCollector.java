package dev.kindling.handler;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Component;
import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;

/**
 * Finds annotated methods on every bean and, once all singletons exist, hands them over in one
 * go. The one mechanism behind {@code @OnMessage}/{@code @OnIq}/{@code @OnPresence},
 * {@code @OnPubSubEvent} and {@code @AdHocCommand}: collaborators are looked up at that point, not
 * injected, so declaring the post-processor initialises nothing early.
 */
public abstract class AnnotatedMethodCollector implements BeanPostProcessor, SmartInitializingSingleton, BeanFactoryAware {

	private final Predicate<Method> selector;

	private final List<AnnotatedMethod> found = new ArrayList<>();

	private BeanFactory beanFactory;

	/** @param selector which methods to collect */
	protected AnnotatedMethodCollector(Predicate<Method> selector) {
		this.selector = selector;
	}

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		Class<?> type = AopUtils.getTargetClass(bean);
		if (isSpringContainerClass(type)) {
			return bean;
		}
		Map<Method, Boolean> methods = MethodIntrospector.selectMethods(type,
				(MethodIntrospector.MetadataLookup<Boolean>) (method) -> this.selector.test(method) ? Boolean.TRUE : null);
		synchronized (this.found) {
			for (Method method : methods.keySet()) {
				this.found.add(new AnnotatedMethod(bean, AopUtils.selectInvocableMethod(method, bean.getClass())));
			}
		}
		return bean;
	}

	/**
	 * Spring's own beans cannot carry Kindling's annotations: skipped without reading their methods,
	 * as Spring skips them for {@code @EventListener}. Most of an application's beans are Spring's,
	 * and reading all their methods was a tenth of the start-up's main thread.
	 */
	private static boolean isSpringContainerClass(Class<?> type) {
		return type.getName().startsWith("org.springframework.")
				&& !AnnotatedElementUtils.isAnnotated(ClassUtils.getUserClass(type), Component.class);
	}

	@Override
	public void afterSingletonsInstantiated() {
		Assert.state(this.beanFactory != null, "No BeanFactory");
		synchronized (this.found) {
			register(List.copyOf(this.found), this.beanFactory);
			this.found.clear();
		}
	}

	/** Register what was found (possibly nothing); called once, after all singletons exist. */
	protected abstract void register(List<AnnotatedMethod> methods, BeanFactory beanFactory);

	/** Resolve {@code ${…}} placeholders in an annotation value. */
	protected String resolvePlaceholders(String value) {
		if (this.beanFactory instanceof ConfigurableBeanFactory configurable) {
			String resolved = configurable.resolveEmbeddedValue(value);
			return (resolved != null) ? resolved : "";
		}
		return value;
	}

	/** A method found, with the bean to invoke it on. */
	public record AnnotatedMethod(Object bean, Method method) {
	}

}
