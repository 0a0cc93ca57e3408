package dev.kindling.handler;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.core.MethodParameter;
import org.springframework.messaging.Message;
import org.springframework.messaging.handler.invocation.HandlerMethodArgumentResolver;
import org.springframework.util.ReflectionUtils;
import org.xmpp.packet.JID;

import dev.kindling.testsupport.CapturingXmppTemplate;
import dev.kindling.testsupport.Stanzas;
import dev.kindling.testsupport.TestRouting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class EndpointMappingTests {

	private static final EndpointMapping MAPPING = new EndpointMapping(Deprecated.class, StanzaKind.MESSAGE,
			"@Deprecated(test)", List.of(new TicketResolver()), Set.of());

	private final StanzaHandlerFactory factory = TestRouting.factory();

	@Test
	void anEndpointBindsItsOwnFactsFirstThenTheArgumentsOfEveryHandler() throws Exception {
		Endpoints bean = new Endpoints();
		StanzaHandler endpoint = this.factory.create(bean, method("ticket"), MAPPING);

		Object value = endpoint.invoke(new InboundStanza(Stanzas.chat("alice@example.com/phone", "bot.example.com", "hi"),
				null, new CapturingXmppTemplate(), Map.of("ticket", "T-1")));

		assertThat(value).isEqualTo("T-1 alice@example.com/phone");
		assertThat(endpoint.kind()).isEqualTo(StanzaKind.MESSAGE);
		assertThat(endpoint).hasToString("@Deprecated(test) -> EndpointMappingTests.Endpoints.ticket(String, JID)");
	}

	@Test
	void anUnbindableParameterFailsNamingTheMethodAndTheEndpointsOwnArguments() {
		assertThatExceptionOfType(HandlerDefinitionException.class)
			.isThrownBy(() -> this.factory.create(new Endpoints(), method("unbindable"), MAPPING))
			.withMessageContaining("Endpoints.unbindable(Integer)")
			.withMessageContaining("@Deprecated")
			.withMessageContaining("String (the ticket)")
			.withMessageContaining("@From/@To");
	}

	@Test
	void theRoutingTableRefusesAnEndpoint() {
		StanzaHandler endpoint = this.factory.create(new Endpoints(), method("ticket"), MAPPING);

		assertThatIllegalArgumentException().isThrownBy(() -> new HandlerRegistry().register(endpoint))
			.withMessageContaining("not routed");
	}

	private static Method method(String name) {
		return ReflectionUtils.findMethod(Endpoints.class, name, (Class<?>[]) null);
	}

	static class Endpoints {

		String ticket(String ticket, @From JID from) {
			return ticket + " " + from;
		}

		void unbindable(Integer number) {
		}

	}

	/** The kind of resolver a module contributes: it reads the fact the module put in the headers for this call. */
	static final class TicketResolver implements HandlerMethodArgumentResolver, ArgumentDescription {

		@Override
		public boolean supportsParameter(MethodParameter parameter) {
			return parameter.getParameterType() == String.class && EndpointMapping.of(parameter) == MAPPING;
		}

		@Override
		public String describe(StanzaKind kind) {
			return "String (the ticket)";
		}

		@Override
		public Object resolveArgument(MethodParameter parameter, Message<?> message) {
			return message.getHeaders().get("ticket");
		}

	}

}
