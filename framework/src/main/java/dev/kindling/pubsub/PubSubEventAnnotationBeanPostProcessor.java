package dev.kindling.pubsub;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.core.MethodIntrospector;
import org.springframework.util.Assert;

/**
 * Finds {@link OnPubSubEvent @OnPubSubEvent} methods on every bean and, once all singletons exist,
 * registers them with the {@link PubSubEventDispatcher}, which is looked up then, not injected.
 */
public class PubSubEventAnnotationBeanPostProcessor implements BeanPostProcessor, SmartInitializingSingleton, BeanFactoryAware {

	private final List<Candidate> candidates = new ArrayList<>();

	private BeanFactory beanFactory;

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

	/** Whether the method carries {@link OnPubSubEvent @OnPubSubEvent}. */
	public static boolean isHandler(Method method) {
		return PubSubEventHandler.isHandler(method);
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		Map<Method, Boolean> methods = MethodIntrospector.selectMethods(AopUtils.getTargetClass(bean),
				(MethodIntrospector.MetadataLookup<Boolean>) (method) -> isHandler(method) ? Boolean.TRUE : null);
		synchronized (this.candidates) {
			for (Method method : methods.keySet()) {
				this.candidates.add(new Candidate(bean, AopUtils.selectInvocableMethod(method, bean.getClass())));
			}
		}
		return bean;
	}

	@Override
	public void afterSingletonsInstantiated() {
		Assert.state(this.beanFactory != null, "No BeanFactory");
		synchronized (this.candidates) {
			if (this.candidates.isEmpty()) {
				return;
			}
			PubSubEventDispatcher dispatcher = this.beanFactory.getBean(PubSubEventDispatcher.class);
			for (Candidate candidate : this.candidates) {
				dispatcher.register(candidate.bean(), candidate.method(), this::resolve);
			}
			this.candidates.clear();
		}
	}

	private String resolve(String value) {
		if (this.beanFactory instanceof ConfigurableBeanFactory configurable) {
			String resolved = configurable.resolveEmbeddedValue(value);
			return (resolved != null) ? resolved : "";
		}
		return value;
	}

	private record Candidate(Object bean, Method method) {
	}

}
