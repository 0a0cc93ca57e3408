package dev.kindling.payload;

import java.util.List;

import org.dom4j.Element;
import org.dom4j.QName;
import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.messaging.Message;
import org.springframework.messaging.handler.invocation.HandlerMethodArgumentResolver;
import org.springframework.messaging.handler.invocation.HandlerMethodReturnValueHandler;
import org.xmpp.packet.IQ;
import org.xmpp.packet.Packet;
import org.xmpp.packet.PacketError.Condition;

import dev.kindling.XmppErrorException;
import dev.kindling.handler.ElementArgument;
import dev.kindling.handler.HandlerMethodConfigurer;
import dev.kindling.handler.InboundStanza;
import dev.kindling.handler.Replies;
import dev.kindling.handler.StanzaKind;

/**
 * Lets handlers take and return {@link XmppPayload @XmppPayload} types: an {@code @OnIq} handler
 * takes the IQ's child and returns the result's child; an {@code @OnMessage} handler takes the
 * message's extension ({@code null} when the message has none) and returns a reply carrying one.
 * An element that does not fit its type is answered with {@code bad-request}.
 */
public final class PayloadHandlerMethodConfigurer implements HandlerMethodConfigurer {

	private final PayloadMapper mapper;

	public PayloadHandlerMethodConfigurer(PayloadMapper mapper) {
		this.mapper = mapper;
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new PayloadArgumentResolver());
	}

	@Override
	public void addReturnValueHandlers(List<HandlerMethodReturnValueHandler> handlers) {
		handlers.add(new PayloadReturnValueHandler());
	}

	private static boolean onIq(MethodParameter parameter) {
		return StanzaKind.IQ.owns(parameter);
	}

	private static boolean onMessage(MethodParameter parameter) {
		return StanzaKind.MESSAGE.owns(parameter);
	}

	private final class PayloadArgumentResolver implements HandlerMethodArgumentResolver, ElementArgument {

		@Override
		public boolean supportsParameter(MethodParameter parameter) {
			return PayloadMapper.isPayloadType(parameter.getParameterType()) && (onIq(parameter) || onMessage(parameter));
		}

		/** Fails startup for a bad declaration (no namespace, an element claimed twice). */
		@Override
		public ElementName declare(MethodParameter parameter) {
			Class<?> type = parameter.getParameterType();
			PayloadHandlerMethodConfigurer.this.mapper.register(type);
			QName name = PayloadHandlerMethodConfigurer.this.mapper.elementName(type);
			return new ElementName(name.getNamespaceURI(), name.getName());
		}

		@Override
		public @Nullable Object resolveArgument(MethodParameter parameter, Message<?> message) {
			Packet stanza = ((InboundStanza) message).getPayload();
			Class<?> type = parameter.getParameterType();
			try {
				if (stanza instanceof IQ iq) {
					Element child = iq.getChildElement();
					if (child == null) {
						throw new XmppErrorException(Condition.bad_request, "The request has no payload");
					}
					return PayloadHandlerMethodConfigurer.this.mapper.fromElement(child, type);
				}
				return PayloadHandlerMethodConfigurer.this.mapper.fromMessage((org.xmpp.packet.Message) stanza, type);
			}
			catch (PayloadBindingException ex) {
				throw new XmppErrorException(Condition.bad_request, ex.getMessage());
			}
		}

	}

	private final class PayloadReturnValueHandler implements HandlerMethodReturnValueHandler {

		@Override
		public boolean supportsReturnType(MethodParameter returnType) {
			Class<?> type = returnType.getNestedParameterType();
			if (!PayloadMapper.isPayloadType(type) || !(onIq(returnType) || onMessage(returnType))) {
				return false;
			}
			PayloadHandlerMethodConfigurer.this.mapper.register(type);
			return true;
		}

		@Override
		public void handleReturnValue(@Nullable Object returnValue, MethodParameter returnType, Message<?> message) {
			if (returnValue == null) {
				return;
			}
			InboundStanza inbound = (InboundStanza) message;
			Element payload = PayloadHandlerMethodConfigurer.this.mapper.toElement(returnValue);
			if (inbound.getPayload() instanceof IQ request) {
				inbound.sendWithoutCopy(Replies.result(request, payload));
				return;
			}
			org.xmpp.packet.Message received = (org.xmpp.packet.Message) inbound.getPayload();
			org.xmpp.packet.Message reply = Replies.message(received, "");
			reply.getElement().remove(reply.getElement().element("body"));
			reply.getElement().add(payload);
			inbound.sendWithoutCopy(reply);
		}

	}

}
