package dev.kindling.handler;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.regex.Pattern;

import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.convert.ConversionService;
import org.springframework.messaging.handler.invocation.HandlerMethodArgumentResolver;
import org.springframework.messaging.handler.invocation.HandlerMethodArgumentResolverComposite;
import org.springframework.messaging.handler.invocation.HandlerMethodReturnValueHandler;
import org.springframework.messaging.handler.invocation.HandlerMethodReturnValueHandlerComposite;
import org.springframework.messaging.handler.invocation.InvocableHandlerMethod;

/**
 * Turns an annotated method into a {@link StanzaHandler}, checking at startup everything that can
 * be checked: one mapping annotation, every parameter bindable, every {@link Match @Match} group
 * present in the pattern, the return type supported for the kind of handler.
 */
public final class StanzaHandlerFactory {

	private static final List<Class<? extends Annotation>> MAPPINGS = List.of(OnMessage.class, OnIq.class, OnPresence.class);

	private final HandlerMethodArgumentResolverComposite argumentResolvers = new HandlerMethodArgumentResolverComposite();

	private final HandlerMethodReturnValueHandlerComposite returnValueHandlers = new HandlerMethodReturnValueHandlerComposite();

	public StanzaHandlerFactory(ConversionService conversionService, List<HandlerMethodConfigurer> configurers) {
		List<HandlerMethodArgumentResolver> resolvers = new ArrayList<>();
		List<HandlerMethodReturnValueHandler> handlers = new ArrayList<>();
		for (HandlerMethodConfigurer configurer : configurers) {
			configurer.addArgumentResolvers(resolvers);
			configurer.addReturnValueHandlers(handlers);
		}
		resolvers.addAll(StanzaArgumentResolvers.defaults(conversionService));
		handlers.addAll(StanzaReturnValueHandlers.defaults());
		this.argumentResolvers.addResolvers(resolvers);
		this.returnValueHandlers.addHandlers(handlers);
	}

	/** Whether the method carries one of the mapping annotations. */
	public static boolean isHandler(Method method) {
		return MAPPINGS.stream().anyMatch((type) -> AnnotatedElementUtils.hasAnnotation(method, type));
	}

	public HandlerMethodReturnValueHandlerComposite returnValueHandlers() {
		return this.returnValueHandlers;
	}

	/** The argument resolvers of every handler method, shared by the exception handler methods. */
	public HandlerMethodArgumentResolverComposite argumentResolvers() {
		return this.argumentResolvers;
	}

	public StanzaHandler create(Object bean, Method method) {
		String name = StanzaHandler.describe(method);
		StanzaCondition condition = condition(method, name);
		InvocableHandlerMethod invocable = new InvocableHandlerMethod(bean, method);
		invocable.setMessageMethodArgumentResolvers(this.argumentResolvers);
		for (MethodParameter parameter : invocable.getMethodParameters()) {
			checkParameter(parameter, condition, name);
		}
		MethodParameter returnType = invocable.getReturnType();
		boolean async = CompletionStage.class.isAssignableFrom(returnType.getParameterType());
		if (async) {
			returnType = returnType.nested();
		}
		checkReturnType(returnType, condition, name);
		return new StanzaHandler(condition, invocable, returnType, async);
	}

	private static StanzaCondition condition(Method method, String name) {
		OnMessage onMessage = AnnotatedElementUtils.findMergedAnnotation(method, OnMessage.class);
		OnIq onIq = AnnotatedElementUtils.findMergedAnnotation(method, OnIq.class);
		OnPresence onPresence = AnnotatedElementUtils.findMergedAnnotation(method, OnPresence.class);
		int count = ((onMessage != null) ? 1 : 0) + ((onIq != null) ? 1 : 0) + ((onPresence != null) ? 1 : 0);
		if (count != 1) {
			throw new HandlerDefinitionException(name + " must carry exactly one of @OnMessage, @OnIq, @OnPresence");
		}
		try {
			if (onMessage != null) {
				return MessageCondition.of(onMessage);
			}
			return (onIq != null) ? IqCondition.of(onIq) : PresenceCondition.of(onPresence);
		}
		catch (RuntimeException ex) {
			throw new HandlerDefinitionException(name + " has an invalid mapping: " + ex.getMessage());
		}
	}

	private void checkParameter(MethodParameter parameter, StanzaCondition condition, String name) {
		if (!this.argumentResolvers.supportsParameter(parameter)) {
			throw new HandlerDefinitionException(name + ": parameter " + parameter.getParameterIndex() + " ("
					+ parameter.getParameterType().getSimpleName() + ") cannot be bound for " + condition
					+ "; supported: the stanza, @From/@To JID or String, @Body String and @Match on message handlers,"
					+ " the IQ child Element on IQ handlers, XmppTemplate");
		}
		Match match = parameter.getParameterAnnotation(Match.class);
		if (match != null) {
			Pattern body = (condition instanceof MessageCondition message) ? message.body() : null;
			if (body == null || !body.pattern().contains("(?<" + match.value() + ">")) {
				throw new HandlerDefinitionException(name + ": @Match(\"" + match.value()
						+ "\") names no group of the body pattern " + ((body != null) ? "'" + body.pattern() + "'" : "(none)"));
			}
		}
	}

	private void checkReturnType(MethodParameter returnType, StanzaCondition condition, String name) {
		Class<?> type = returnType.getNestedParameterType();
		if (type == void.class || type == Void.class || this.returnValueHandlers.supportsReturnType(returnType)) {
			return;
		}
		String supported = (condition instanceof MessageCondition) ? "String, a Packet, void"
				: (condition instanceof IqCondition) ? "Element, PacketExtension, IQ or another Packet, void" : "a Packet, void";
		throw new HandlerDefinitionException(name + " returns " + type.getSimpleName() + ", which " + condition
				+ " handlers cannot return; supported: " + supported + ", or a CompletableFuture of one");
	}

}
