package dev.kindling.handler;

import java.util.List;

import org.dom4j.Element;
import org.springframework.core.MethodParameter;
import org.springframework.messaging.Message;
import org.springframework.messaging.handler.invocation.HandlerMethodReturnValueHandler;
import org.xmpp.packet.IQ;
import org.xmpp.packet.Packet;
import org.xmpp.packet.PacketExtension;

/**
 * The return value handlers every handler method gets. They see the effective return type: the
 * {@code T} of a {@code CompletableFuture<T>}.
 */
final class StanzaReturnValueHandlers {

	private StanzaReturnValueHandlers() {
	}

	static List<HandlerMethodReturnValueHandler> defaults() {
		return List.of(new PacketHandler(), new TextReplyHandler(), new IqPayloadHandler());
	}

	private static InboundStanza inbound(Message<?> message) {
		return (InboundStanza) message;
	}

	/** A returned stanza is sent; addressed back to the sender where it has no {@code to}. */
	static final class PacketHandler implements HandlerMethodReturnValueHandler {

		@Override
		public boolean supportsReturnType(MethodParameter returnType) {
			return Packet.class.isAssignableFrom(returnType.getNestedParameterType());
		}

		@Override
		public void handleReturnValue(Object returnValue, MethodParameter returnType, Message<?> message) {
			inbound(message).send((Packet) returnValue);
		}

	}

	/** A returned {@code String} from a message handler is the body of the reply. */
	static final class TextReplyHandler implements HandlerMethodReturnValueHandler {

		@Override
		public boolean supportsReturnType(MethodParameter returnType) {
			return returnType.getNestedParameterType() == String.class && StanzaKind.MESSAGE.owns(returnType);
		}

		@Override
		public void handleReturnValue(Object returnValue, MethodParameter returnType, Message<?> message) {
			InboundStanza inbound = inbound(message);
			inbound.sendWithoutCopy(Replies.message((org.xmpp.packet.Message) inbound.getPayload(), (String) returnValue));
		}

	}

	/** A returned {@link Element} or {@link PacketExtension} from an IQ handler is the result's child. */
	static final class IqPayloadHandler implements HandlerMethodReturnValueHandler {

		@Override
		public boolean supportsReturnType(MethodParameter returnType) {
			Class<?> type = returnType.getNestedParameterType();
			return StanzaKind.IQ.owns(returnType)
					&& (Element.class.isAssignableFrom(type) || PacketExtension.class.isAssignableFrom(type));
		}

		@Override
		public void handleReturnValue(Object returnValue, MethodParameter returnType, Message<?> message) {
			InboundStanza inbound = inbound(message);
			Element child = (returnValue instanceof PacketExtension extension) ? extension.getElement() : (Element) returnValue;
			inbound.sendWithoutCopy(Replies.result((IQ) inbound.getPayload(), child.createCopy()));
		}

	}

}
