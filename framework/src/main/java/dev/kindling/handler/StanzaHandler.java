package dev.kindling.handler;

import java.lang.reflect.Method;

import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.messaging.handler.invocation.InvocableHandlerMethod;
import org.springframework.util.ClassUtils;

import dev.kindling.observe.ObservedHandler;

/**
 * One handler method, ready to invoke: its condition, the invocable method with its argument
 * resolvers, and the effective return type (a future's value type for asynchronous handlers).
 */
public final class StanzaHandler implements ObservedHandler {

	private final StanzaCondition condition;

	private final InvocableHandlerMethod invocable;

	private final MethodParameter returnType;

	private final boolean async;

	private final String name;

	StanzaHandler(StanzaCondition condition, InvocableHandlerMethod invocable, MethodParameter returnType, boolean async) {
		this.condition = condition;
		this.invocable = invocable;
		this.returnType = returnType;
		this.async = async;
		this.name = describe(invocable.getMethod());
	}

	StanzaCondition condition() {
		return this.condition;
	}

	/** Invoke with the stanza; returns the method's raw return value (possibly a future). */
	public @Nullable Object invoke(InboundStanza stanza) throws Exception {
		return this.invocable.invoke(stanza);
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
		return this.invocable.getMethod();
	}

	/** {@code Class.method(ParamType, …)}, for logs and startup errors. */
	@Override
	public String name() {
		return this.name;
	}

	/** The annotation-like description of what this handler takes. */
	public String mapping() {
		return this.condition.toString();
	}

	static String describe(Method method) {
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

}
