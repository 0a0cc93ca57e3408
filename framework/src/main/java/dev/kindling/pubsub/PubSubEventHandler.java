package dev.kindling.pubsub;

import java.lang.reflect.Method;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.dom4j.Element;
import org.dom4j.QName;
import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.messaging.Message;
import org.springframework.messaging.handler.invocation.HandlerMethodArgumentResolver;
import org.springframework.messaging.handler.invocation.HandlerMethodArgumentResolverComposite;
import org.springframework.messaging.handler.invocation.InvocableHandlerMethod;
import org.springframework.messaging.support.GenericMessage;
import org.springframework.util.ClassUtils;
import org.xmpp.packet.JID;

import dev.kindling.handler.HandlerDefinitionException;
import dev.kindling.payload.PayloadMapper;

/** One {@link OnPubSubEvent @OnPubSubEvent} method: its filters and its bound parameters. */
final class PubSubEventHandler {

	private final InvocableHandlerMethod invocable;

	private final @Nullable Pattern node;

	private final Set<PubSubEvent.Kind> kinds;

	private final @Nullable JID service;

	private final @Nullable QName payloadName;

	private final String name;

	private PubSubEventHandler(InvocableHandlerMethod invocable, @Nullable Pattern node, Set<PubSubEvent.Kind> kinds,
			@Nullable JID service, @Nullable QName payloadName, String name) {
		this.invocable = invocable;
		this.node = node;
		this.kinds = kinds;
		this.service = service;
		this.payloadName = payloadName;
		this.name = name;
	}

	static boolean isHandler(Method method) {
		return AnnotatedElementUtils.hasAnnotation(method, OnPubSubEvent.class);
	}

	static PubSubEventHandler of(Object bean, Method method, PayloadMapper payloads, UnaryOperator<String> placeholders) {
		String name = ClassUtils.getShortName(method.getDeclaringClass()) + "." + method.getName();
		OnPubSubEvent annotation = AnnotatedElementUtils.findMergedAnnotation(method, OnPubSubEvent.class);
		if (annotation == null) {
			throw new HandlerDefinitionException(name + " is not annotated with @OnPubSubEvent");
		}
		if (method.getReturnType() != void.class) {
			throw new HandlerDefinitionException(name + " must return void: pubsub events are not answered");
		}
		Pattern node;
		try {
			String pattern = placeholders.apply(annotation.node());
			node = pattern.isEmpty() ? null : Pattern.compile(pattern);
		}
		catch (PatternSyntaxException ex) {
			throw new HandlerDefinitionException(name + " has an invalid node pattern: " + ex.getMessage());
		}
		if (annotation.kind().length == 0) {
			throw new HandlerDefinitionException(name + " takes no kind of event");
		}
		Set<PubSubEvent.Kind> kinds = EnumSet.copyOf(List.of(annotation.kind()));
		String address = placeholders.apply(annotation.service());
		JID service = address.isEmpty() ? null : new JID(address);
		InvocableHandlerMethod invocable = new InvocableHandlerMethod(bean, method);
		HandlerMethodArgumentResolverComposite resolvers = new HandlerMethodArgumentResolverComposite();
		resolvers.addResolver(new EventResolver(payloads));
		invocable.setMessageMethodArgumentResolvers(resolvers);
		QName payloadName = null;
		for (MethodParameter parameter : invocable.getMethodParameters()) {
			if (!resolvers.supportsParameter(parameter)) {
				throw new HandlerDefinitionException(name + ": parameter " + parameter.getParameterIndex() + " ("
						+ parameter.getParameterType().getSimpleName() + ") cannot be bound; supported: PubSubEvent,"
						+ " @ItemId String, the payload as Element or as an @XmppPayload type");
			}
			if (PayloadMapper.isPayloadType(parameter.getParameterType())) {
				payloadName = payloads.elementName(parameter.getParameterType());
			}
		}
		return new PubSubEventHandler(invocable, node, kinds, service, payloadName, name);
	}

	/** Whether this handler takes the event (with a payload of the given name, if any). */
	boolean takes(PubSubEvent event, @Nullable QName payload) {
		if (!this.kinds.contains(event.kind())) {
			return false;
		}
		if (this.service != null && !this.service.equals(event.service().asBareJID())) {
			return false;
		}
		if (this.node != null && !this.node.matcher(event.node()).matches()) {
			return false;
		}
		// A typed payload parameter is a filter for items: only items carrying that element.
		return this.payloadName == null || event.kind() != PubSubEvent.Kind.ITEM || this.payloadName.equals(payload);
	}

	void invoke(PubSubEvent event) throws Exception {
		this.invocable.invoke(new GenericMessage<>(event));
	}

	String name() {
		return this.name;
	}

	@Override
	public String toString() {
		return "@OnPubSubEvent(node=" + ((this.node != null) ? "'" + this.node.pattern() + "'" : "any") + ", kind="
				+ this.kinds + ((this.service != null) ? ", service=" + this.service : "")
				+ ((this.payloadName != null) ? ", payload={" + this.payloadName.getNamespaceURI() + "}"
						+ this.payloadName.getName() : "")
				+ ") -> " + this.name;
	}

	private static final class EventResolver implements HandlerMethodArgumentResolver {

		private final PayloadMapper payloads;

		EventResolver(PayloadMapper payloads) {
			this.payloads = payloads;
		}

		@Override
		public boolean supportsParameter(MethodParameter parameter) {
			Class<?> type = parameter.getParameterType();
			if (parameter.hasParameterAnnotation(ItemId.class)) {
				return type == String.class;
			}
			if (PayloadMapper.isPayloadType(type)) {
				this.payloads.register(type);
				return true;
			}
			return type == PubSubEvent.class || type == Element.class;
		}

		@Override
		public @Nullable Object resolveArgument(MethodParameter parameter, Message<?> message) {
			PubSubEvent event = (PubSubEvent) message.getPayload();
			Class<?> type = parameter.getParameterType();
			if (parameter.hasParameterAnnotation(ItemId.class)) {
				return event.itemId();
			}
			if (type == PubSubEvent.class) {
				return event;
			}
			Element payload = event.payload();
			if (payload == null) {
				return null;
			}
			return (type == Element.class) ? payload : this.payloads.fromElement(payload, type);
		}

	}

}
