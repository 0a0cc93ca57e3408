package dev.kindling.handler;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.aop.support.AopUtils;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.OrderUtils;
import org.springframework.messaging.handler.MessagingAdviceBean;
import org.springframework.messaging.handler.invocation.AbstractExceptionHandlerMethodResolver;
import org.springframework.messaging.handler.invocation.HandlerMethodArgumentResolverComposite;
import org.springframework.util.ClassUtils;

/**
 * The {@link XmppExceptionHandler @XmppExceptionHandler} methods of handler beans and
 * {@link XmppAdvice @XmppAdvice} beans, checked when registered at startup, and the lookup the
 * router uses when a handler fails: the handler bean's own methods first, then the advice beans in
 * their order; within a bean the most specific exception type wins (spring-messaging's
 * {@link AbstractExceptionHandlerMethodResolver}, which caches per exception type).
 */
public final class XmppExceptionHandlers {

	private final HandlerMethodArgumentResolverComposite argumentResolvers;

	/** Exception handlers of handler beans, by bean instance; replaced whole on each registration. */
	private volatile Map<Object, BeanExceptionHandlers> beans = Map.of();

	private volatile List<Advice> advice = List.of();

	/**
	 * @param argumentResolvers the handler methods' resolvers (see
	 * {@link StanzaHandlerFactory#argumentResolvers()})
	 */
	public XmppExceptionHandlers(HandlerMethodArgumentResolverComposite argumentResolvers) {
		this.argumentResolvers = argumentResolvers;
	}

	/** No exception handlers: every exception is mapped by the default rules. */
	public static XmppExceptionHandlers none() {
		return new XmppExceptionHandlers(new HandlerMethodArgumentResolverComposite());
	}

	/** Whether the method carries {@link XmppExceptionHandler @XmppExceptionHandler}. */
	public static boolean isExceptionHandler(Method method) {
		return AnnotatedElementUtils.hasAnnotation(method, XmppExceptionHandler.class);
	}

	/**
	 * Check and remember a bean's exception handler methods: an {@link XmppAdvice @XmppAdvice} bean
	 * becomes advice for other beans, any other bean answers its own handlers' exceptions. A bean
	 * without such methods is ignored.
	 * @throws HandlerDefinitionException when a method names no exception type, two methods claim the
	 * same one, a parameter cannot be bound or the return type is not supported
	 */
	public synchronized void register(Object bean) {
		Class<?> type = ClassUtils.getUserClass(AopUtils.getTargetClass(bean));
		BeanExceptionHandlers handlers = BeanExceptionHandlers.of(bean, type, this.argumentResolvers);
		XmppAdvice annotation = AnnotatedElementUtils.findMergedAnnotation(type, XmppAdvice.class);
		if (annotation != null) {
			List<Advice> advice = new ArrayList<>(this.advice);
			advice.add(new Advice(handlers, annotation, OrderUtils.getOrder(type, Ordered.LOWEST_PRECEDENCE)));
			advice.sort(Comparator.comparingInt(Advice::getOrder));
			this.advice = List.copyOf(advice);
		}
		else if (handlers.hasExceptionMappings()) {
			Map<Object, BeanExceptionHandlers> beans = new IdentityHashMap<>(this.beans);
			beans.put(bean, handlers);
			this.beans = beans;
		}
	}

	/**
	 * The method that answers an exception of a handler method of {@code handlerBean}, or
	 * {@code null} when none does and the default rules apply.
	 */
	public @Nullable ExceptionHandlerMethod find(Object handlerBean, Throwable exception) {
		BeanExceptionHandlers own = this.beans.get(handlerBean);
		if (own != null) {
			ExceptionHandlerMethod method = own.resolve(exception);
			if (method != null) {
				return method;
			}
		}
		List<Advice> advice = this.advice;
		if (advice.isEmpty()) {
			return null;
		}
		Class<?> handlerType = ClassUtils.getUserClass(AopUtils.getTargetClass(handlerBean));
		for (Advice candidate : advice) {
			if (candidate.isApplicableToBeanType(handlerType)) {
				ExceptionHandlerMethod method = candidate.handlers.resolve(exception);
				if (method != null) {
					return method;
				}
			}
		}
		return null;
	}

	/** Every advice bean, in the order they are tried. */
	public List<Object> adviceBeans() {
		return this.advice.stream().map(Advice::resolveBean).toList();
	}

	/** The exception handler methods of one bean, by the exception types they take. */
	private static final class BeanExceptionHandlers extends AbstractExceptionHandlerMethodResolver {

		private final Object bean;

		private final Class<?> type;

		private final Map<Method, ExceptionHandlerMethod> methods;

		/**
		 * The bean's handler methods, detected on its type: a factory because the superclass takes them
		 * before the constructor body could work them out.
		 */
		static BeanExceptionHandlers of(Object bean, Class<?> type, HandlerMethodArgumentResolverComposite resolvers) {
			return new BeanExceptionHandlers(bean, type, detect(type), resolvers);
		}

		private BeanExceptionHandlers(Object bean, Class<?> type, Detected detected,
				HandlerMethodArgumentResolverComposite resolvers) {
			super(detected.byException());
			this.bean = bean;
			this.type = type;
			Map<Method, ExceptionHandlerMethod> methods = new LinkedHashMap<>();
			detected.byMethod().forEach((method, types) -> methods.put(method,
					new ExceptionHandlerMethod(bean, AopUtils.selectInvocableMethod(method, bean.getClass()), types,
							resolvers)));
			this.methods = Map.copyOf(methods);
		}

		Object bean() {
			return this.bean;
		}

		Class<?> type() {
			return this.type;
		}

		@Nullable ExceptionHandlerMethod resolve(Throwable exception) {
			Method method = resolveMethod(exception);
			return (method != null) ? this.methods.get(method) : null;
		}

		private static Detected detect(Class<?> type) {
			Map<Method, XmppExceptionHandler> annotated = MethodIntrospector.selectMethods(type,
					(MethodIntrospector.MetadataLookup<XmppExceptionHandler>) (method) -> AnnotatedElementUtils
						.findMergedAnnotation(method, XmppExceptionHandler.class));
			Map<Class<? extends Throwable>, Method> byException = new LinkedHashMap<>();
			Map<Method, List<Class<? extends Throwable>>> byMethod = new LinkedHashMap<>();
			annotated.entrySet()
				.stream()
				.sorted(Map.Entry.comparingByKey(Comparator.comparing(StanzaHandler::describe)))
				.forEach((entry) -> {
					Method method = entry.getKey();
					List<Class<? extends Throwable>> types = new ArrayList<>(Arrays.asList(entry.getValue().value()));
					if (types.isEmpty()) {
						types.addAll(exceptionParameters(method));
					}
					if (types.isEmpty()) {
						throw new HandlerDefinitionException(StanzaHandler.describe(method)
								+ ": @XmppExceptionHandler names no exception type and takes no exception parameter;"
								+ " declare one, e.g. @XmppExceptionHandler(IllegalArgumentException.class)");
					}
					for (Class<? extends Throwable> exceptionType : types) {
						Method other = byException.putIfAbsent(exceptionType, method);
						if (other != null) {
							throw new HandlerDefinitionException("Ambiguous @XmppExceptionHandler methods for "
									+ exceptionType.getName() + ": " + StanzaHandler.describe(other) + " and "
									+ StanzaHandler.describe(method));
						}
					}
					byMethod.put(method, List.copyOf(types));
				});
			return new Detected(byException, byMethod);
		}

		@SuppressWarnings("unchecked")
		private static List<Class<? extends Throwable>> exceptionParameters(Method method) {
			List<Class<? extends Throwable>> types = new ArrayList<>();
			for (Class<?> type : method.getParameterTypes()) {
				if (Throwable.class.isAssignableFrom(type)) {
					types.add((Class<? extends Throwable>) type);
				}
			}
			return types;
		}

		private record Detected(Map<Class<? extends Throwable>, Method> byException,
				Map<Method, List<Class<? extends Throwable>>> byMethod) {
		}

	}

	/** An advice bean: its exception handlers, which handler beans it applies to, and its order. */
	private static final class Advice implements MessagingAdviceBean {

		private final BeanExceptionHandlers handlers;

		private final Object bean;

		private final Class<?> type;

		private final String[] basePackages;

		private final Class<?>[] assignableTypes;

		private final int order;

		Advice(BeanExceptionHandlers handlers, XmppAdvice annotation, int order) {
			this.handlers = handlers;
			this.bean = handlers.bean();
			this.type = handlers.type();
			this.basePackages = annotation.basePackages();
			this.assignableTypes = annotation.assignableTypes();
			this.order = order;
		}

		@Override
		public Class<?> getBeanType() {
			return this.type;
		}

		@Override
		public Object resolveBean() {
			return this.bean;
		}

		@Override
		public boolean isApplicableToBeanType(Class<?> beanType) {
			if (this.basePackages.length == 0 && this.assignableTypes.length == 0) {
				return true;
			}
			String name = beanType.getName();
			for (String basePackage : this.basePackages) {
				if (name.startsWith(basePackage.endsWith(".") ? basePackage : basePackage + ".")) {
					return true;
				}
			}
			for (Class<?> assignable : this.assignableTypes) {
				if (assignable.isAssignableFrom(beanType)) {
					return true;
				}
			}
			return false;
		}

		@Override
		public int getOrder() {
			return this.order;
		}

	}

}
