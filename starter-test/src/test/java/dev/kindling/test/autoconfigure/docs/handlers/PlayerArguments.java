package dev.kindling.test.autoconfigure.docs.handlers;

// tag::configurer[]
import java.util.List;

import org.springframework.core.MethodParameter;
import org.springframework.messaging.Message;
import org.springframework.messaging.handler.invocation.HandlerMethodArgumentResolver;
import org.springframework.stereotype.Component;
import org.xmpp.packet.JID;
import org.xmpp.packet.Packet;

import dev.kindling.handler.HandlerMethodConfigurer;

record Player(JID jid) {}

@Component
class PlayerArguments implements HandlerMethodConfigurer {

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new HandlerMethodArgumentResolver() {
			@Override
			public boolean supportsParameter(MethodParameter parameter) {
				return parameter.getParameterType() == Player.class;
			}

			@Override
			public Object resolveArgument(MethodParameter parameter, Message<?> message) {
				Packet stanza = (Packet) message.getPayload();   // the inbound stanza
				return new Player(stanza.getFrom().asBareJID());
			}
		});
	}
}
// end::configurer[]
