package dev.kindling.handler;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.MethodIntrospector;
import org.springframework.util.Assert;

/**
 * Finds {@link OnMessage @OnMessage}, {@link OnIq @OnIq} and {@link OnPresence @OnPresence}
 * methods on every bean and, once all singletons exist, turns them into handlers in the
 * {@link HandlerRegistry}. Its collaborators are looked up then, not injected, so that declaring
 * this post-processor does not initialise them early.
 */
public class StanzaHandlerAnnotationBeanPostProcessor implements BeanPostProcessor, SmartInitializingSingleton, BeanFactoryAware {

	private final List<Candidate> candidates = new ArrayList<>();

	private BeanFactory beanFactory;

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		Class<?> targetClass = AopUtils.getTargetClass(bean);
		Map<Method, Boolean> methods = MethodIntrospector.selectMethods(targetClass,
				(MethodIntrospector.MetadataLookup<Boolean>) (method) -> StanzaHandlerFactory.isHandler(method) ? Boolean.TRUE : null);
		Set<Method> found = methods.keySet();
		synchronized (this.candidates) {
			for (Method method : found) {
				this.candidates.add(new Candidate(bean, AopUtils.selectInvocableMethod(method, bean.getClass())));
			}
		}
		return bean;
	}

	@Override
	public void afterSingletonsInstantiated() {
		Assert.state(this.beanFactory != null, "No BeanFactory");
		StanzaHandlerFactory factory = this.beanFactory.getBean(StanzaHandlerFactory.class);
		HandlerRegistry registry = this.beanFactory.getBean(HandlerRegistry.class);
		synchronized (this.candidates) {
			for (Candidate candidate : this.candidates) {
				registry.register(factory.create(candidate.bean(), candidate.method()));
			}
			this.candidates.clear();
		}
		registry.freeze();
	}

	private record Candidate(Object bean, Method method) {
	}

}
