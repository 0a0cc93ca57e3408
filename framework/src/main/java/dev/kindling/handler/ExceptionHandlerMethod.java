package dev.kindling.handler;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.messaging.handler.invocation.HandlerMethodArgumentResolverComposite;
import org.springframework.messaging.handler.invocation.InvocableHandlerMethod;
import org.xmpp.packet.Packet;

import dev.kindling.XmppErrorException;

/**
 * One {@link XmppExceptionHandler @XmppExceptionHandler} method on its bean, checked and ready to
 * invoke with the same argument resolvers as handler methods. The exception, its causes and the
 * stanza are offered as provided arguments, matched by type, as spring-messaging does for
 * {@code @MessageExceptionHandler}: a {@code Message}, {@code IQ} or {@code Presence} parameter gets
 * the stanza when it is of that kind.
 */
public final class ExceptionHandlerMethod {

	/** Types so broad that a method declared for one of them answers bugs too. */
	private static final Set<Class<?>> CATCH_ALL = Set.of(Throwable.class, Exception.class, RuntimeException.class);

	private final InvocableHandlerMethod invocable;

	private final String name;

	private final boolean catchAll;

	ExceptionHandlerMethod(Object bean, Method method, List<Class<? extends Throwable>> exceptionTypes,
			HandlerMethodArgumentResolverComposite resolvers) {
		this.name = StanzaHandler.describe(method);
		this.invocable = new InvocableHandlerMethod(bean, method);
		this.invocable.setMessageMethodArgumentResolvers(resolvers);
		for (MethodParameter parameter : this.invocable.getMethodParameters()) {
			Class<?> type = parameter.getParameterType();
			if (!Throwable.class.isAssignableFrom(type) && !Packet.class.isAssignableFrom(type)
					&& !resolvers.supportsParameter(parameter)) {
				throw new HandlerDefinitionException(this.name + ": parameter " + parameter.getParameterIndex() + " ("
						+ parameter.getParameterType().getSimpleName() + ") cannot be bound; an @XmppExceptionHandler"
						+ " method takes the exception, the stanza and what any handler method takes (@From, @To, XmppTemplate, …)");
			}
		}
		Class<?> returnType = method.getReturnType();
		if (!(returnType == void.class || returnType == Void.class || returnType == String.class
				|| Packet.class.isAssignableFrom(returnType) || XmppErrorException.class.isAssignableFrom(returnType))) {
			throw new HandlerDefinitionException(this.name + " returns " + returnType.getSimpleName()
					+ ", which an @XmppExceptionHandler method cannot return; supported: String, XmppErrorException,"
					+ " a Packet, void");
		}
		this.catchAll = exceptionTypes.stream().anyMatch(CATCH_ALL::contains);
	}

	/**
	 * Invoke with the stanza whose handler failed and the exception.
	 * @return what the method returned
	 * @throws Exception what the method threw
	 */
	public @Nullable Object invoke(InboundStanza inbound, Throwable exception) throws Exception {
		List<Object> provided = new ArrayList<>(3);
		for (Throwable cause = exception; cause != null && !provided.contains(cause); cause = cause.getCause()) {
			provided.add(cause);
		}
		provided.add(inbound.getPayload());
		return this.invocable.invoke(inbound, provided.toArray());
	}

	/**
	 * Whether the method is declared for {@code Throwable}, {@code Exception} or
	 * {@code RuntimeException}: it answers, but does not make a bug a user's mistake in the metrics.
	 */
	public boolean isCatchAll() {
		return this.catchAll;
	}

	public Method method() {
		return this.invocable.getMethod();
	}

	/** {@code Class.method(ParamType, …)}, for logs and startup errors. */
	public String name() {
		return this.name;
	}

	@Override
	public String toString() {
		return this.name;
	}

}
