package dev.kindling.handler;

import java.lang.reflect.Method;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.Order;
import org.springframework.messaging.handler.invocation.HandlerMethodArgumentResolver;
import org.springframework.messaging.handler.invocation.InvocableHandlerMethod;
import org.springframework.util.ClassUtils;

import dev.kindling.observe.ObservedHandler;

/**
 * One handler method, ready to invoke: its condition, each parameter with the resolver chosen for
 * it at startup, and the effective return type (a future's value type for asynchronous handlers).
 */
public final class StanzaHandler implements ObservedHandler {

	private final StanzaCondition condition;

	private final @Nullable CommandDescriptor command;

	private final MethodParameter[] parameters;

	private final HandlerMethodArgumentResolver[] resolvers;

	private final ArgumentValidator.@Nullable Check check;

	private final Invoker invoker;

	private final MethodParameter returnType;

	private final boolean async;

	private final String name;

	private final int order;

	StanzaHandler(Object bean, Method method, StanzaCondition condition, @Nullable CommandDescriptor command,
			MethodParameter[] parameters, HandlerMethodArgumentResolver[] resolvers, ArgumentValidator.@Nullable Check check,
			MethodParameter returnType, boolean async) {
		this.condition = condition;
		this.command = command;
		this.parameters = parameters;
		this.resolvers = resolvers;
		this.check = check;
		this.invoker = new Invoker(bean, method);
		this.returnType = returnType;
		this.async = async;
		this.name = describe(method);
		Order explicit = AnnotatedElementUtils.findMergedAnnotation(method, Order.class);
		this.order = (explicit != null) ? explicit.value() : 0;
	}

	StanzaCondition condition() {
		return this.condition;
	}

	/** The chat command this handler implements, if it is one. */
	public @Nullable CommandDescriptor command() {
		return this.command;
	}

	/** The rooms a message handler's (or a room event endpoint's) {@code room} filter names (bare JIDs or room names); empty for any sender. */
	public Set<String> rooms() {
		if (this.condition instanceof EndpointCondition endpoint) {
			return endpoint.mapping().rooms();
		}
		return (this.condition instanceof MessageCondition message) ? message.rooms() : Set.of();
	}

	/** The kind of stanza this handler takes. */
	public StanzaKind kind() {
		return this.condition.kind();
	}

	/**
	 * The method's {@link Order @Order}, 0 without one; lower ranks first, so {@code @Order(-1)}
	 * puts a handler ahead of the others and {@code @Order(1)} behind them.
	 */
	public int order() {
		return this.order;
	}

	/** Invoke with the stanza; returns the method's raw return value (possibly a future). */
	public @Nullable Object invoke(InboundStanza stanza) throws Exception {
		Object[] arguments = new Object[this.parameters.length];
		for (int i = 0; i < arguments.length; i++) {
			arguments[i] = this.resolvers[i].resolveArgument(this.parameters[i], stanza);
		}
		if (this.check != null) {
			this.check.validate(this.invoker.getBean(), arguments);
		}
		return this.invoker.call(arguments);
	}

	/** The type the return value handlers see. */
	public MethodParameter returnType() {
		return this.returnType;
	}

	/** Whether the method returns a {@link java.util.concurrent.CompletionStage}. */
	public boolean isAsync() {
		return this.async;
	}

	@Override
	public Method method() {
		return this.invoker.getMethod();
	}

	/** The bean the method is invoked on; its exception handlers are tried first. */
	public Object bean() {
		return this.invoker.getBean();
	}

	/** {@code Class.method(ParamType, …)}, for logs and startup errors. */
	@Override
	public String name() {
		return this.name;
	}

	/** The annotation-like description of what this handler takes. */
	public String mapping() {
		return (this.command != null) ? this.command.toString() : this.condition.toString();
	}

	/** The name every handler and endpoint goes by in logs, metrics and startup errors. */
	public static String describe(Method method) {
		StringBuilder text = new StringBuilder(ClassUtils.getShortName(method.getDeclaringClass()))
			.append('.').append(method.getName()).append('(');
		Class<?>[] types = method.getParameterTypes();
		for (int i = 0; i < types.length; i++) {
			text.append((i > 0) ? ", " : "").append(types[i].getSimpleName());
		}
		return text.append(')').toString();
	}

	@Override
	public String toString() {
		return mapping() + " -> " + this.name;
	}

	/** Spring's reflective call (bridge methods, accessibility, unwrapped exceptions), with our own arguments. */
	private static final class Invoker extends InvocableHandlerMethod {

		Invoker(Object bean, Method method) {
			super(bean, method);
		}

		@Nullable Object call(Object[] arguments) throws Exception {
			return doInvoke(arguments);
		}

	}

}
