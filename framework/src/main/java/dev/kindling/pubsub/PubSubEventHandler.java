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
import org.xmpp.packet.JID;

import dev.kindling.handler.ArgumentDescription;
import dev.kindling.handler.EndpointMapping;
import dev.kindling.handler.HandlerDefinitionException;
import dev.kindling.handler.StanzaHandler;
import dev.kindling.handler.StanzaHandlerFactory;
import dev.kindling.handler.StanzaKind;
import dev.kindling.payload.PayloadMapper;

/**
 * One {@link OnPubSubEvent @OnPubSubEvent} method: its filters and the endpoint that calls it,
 * bound like every handler (the event's message is the stanza) plus the event's own arguments.
 */
final class PubSubEventHandler {

	/** The header carrying the {@link PubSubEvent} of one call. */
	static final String EVENT = "xmpp_pubsubEvent";

	private final StanzaHandler endpoint;

	private final @Nullable Pattern node;

	private final Set<PubSubEvent.Kind> kinds;

	private final @Nullable JID service;

	private final @Nullable QName payloadName;

	private PubSubEventHandler(StanzaHandler endpoint, @Nullable Pattern node, Set<PubSubEvent.Kind> kinds,
			@Nullable JID service, @Nullable QName payloadName) {
		this.endpoint = endpoint;
		this.node = node;
		this.kinds = kinds;
		this.service = service;
		this.payloadName = payloadName;
	}

	static boolean isHandler(Method method) {
		return AnnotatedElementUtils.hasAnnotation(method, OnPubSubEvent.class);
	}

	static PubSubEventHandler of(Object bean, Method method, StanzaHandlerFactory factory, PayloadMapper payloads,
			UnaryOperator<String> placeholders) {
		String name = StanzaHandler.describe(method);
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
		QName payloadName = null;
		for (Class<?> type : method.getParameterTypes()) {
			if (PayloadMapper.isPayloadType(type)) {
				payloads.register(type);
				payloadName = payloads.elementName(type);
			}
		}
		String description = "@OnPubSubEvent(node=" + ((node != null) ? "'" + node.pattern() + "'" : "any") + ", kind="
				+ kinds + ((service != null) ? ", service=" + service : "")
				+ ((payloadName != null) ? ", payload={" + payloadName.getNamespaceURI() + "}" + payloadName.getName() : "")
				+ ")";
		EndpointMapping mapping = new EndpointMapping(OnPubSubEvent.class, StanzaKind.MESSAGE, description,
				List.of(new EventResolver(payloads)), Set.of());
		return new PubSubEventHandler(factory.create(bean, method, mapping), node, kinds, service, payloadName);
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

	StanzaHandler endpoint() {
		return this.endpoint;
	}

	String name() {
		return this.endpoint.name();
	}

	@Override
	public String toString() {
		return this.endpoint.toString();
	}

	/** The event, its item id and its payload, from the header the dispatcher sets per call. */
	private static final class EventResolver implements HandlerMethodArgumentResolver, ArgumentDescription {

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
			return type == PubSubEvent.class || type == Element.class || PayloadMapper.isPayloadType(type);
		}

		@Override
		public String describe(StanzaKind kind) {
			return "PubSubEvent, @ItemId String, the item's payload as Element or as an @XmppPayload type";
		}

		@Override
		public @Nullable Object resolveArgument(MethodParameter parameter, Message<?> message) {
			PubSubEvent event = (PubSubEvent) message.getHeaders().get(EVENT);
			if (event == null) {
				throw new IllegalStateException("No pubsub event for " + parameter.getMethod());
			}
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
