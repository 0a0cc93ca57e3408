package dev.kindling.adhoc;

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
 * Finds {@link AdHocCommand @AdHocCommand} methods on every bean and, once all singletons exist,
 * registers them with {@link AdHocCommands}, resolving property placeholders in {@code allowed}.
 */
public class AdHocCommandAnnotationBeanPostProcessor implements BeanPostProcessor, SmartInitializingSingleton, BeanFactoryAware {

	private final List<Candidate> candidates = new ArrayList<>();

	private BeanFactory beanFactory;

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		Map<Method, Boolean> methods = MethodIntrospector.selectMethods(AopUtils.getTargetClass(bean),
				(MethodIntrospector.MetadataLookup<Boolean>) (method) -> AdHocCommands.isCommand(method) ? Boolean.TRUE : null);
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
			AdHocCommands commands = this.beanFactory.getBean(AdHocCommands.class);
			for (Candidate candidate : this.candidates) {
				commands.register(candidate.bean(), candidate.method(), this::resolve);
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
