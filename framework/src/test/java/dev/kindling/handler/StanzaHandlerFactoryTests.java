package dev.kindling.handler;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.dom4j.Element;
import org.junit.jupiter.api.Test;
import org.springframework.core.MethodParameter;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.messaging.handler.invocation.HandlerMethodArgumentResolver;
import org.springframework.util.ReflectionUtils;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;
import org.xmpp.packet.Presence;

import dev.kindling.handler.HandlerRegistry.Route;
import dev.kindling.template.XmppTemplate;
import dev.kindling.testsupport.CapturingXmppTemplate;
import dev.kindling.testsupport.Stanzas;
import dev.kindling.testsupport.TestRouting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class StanzaHandlerFactoryTests {

	private static final String USER = "alice@example.com/phone";

	private static final String BOT = "dice@bot.example.com";

	private final StanzaHandlerFactory factory = TestRouting.factory();

	private final CapturingXmppTemplate template = new CapturingXmppTemplate();

	@Test
	void aCustomResolverReadsTheStanzaFactsFromTheHeaders() throws Exception {
		HeaderReader handler = new HeaderReader();
		HandlerMethodConfigurer configurer = new HandlerMethodConfigurer() {
			@Override
			public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
				resolvers.add(new HandlerMethodArgumentResolver() {
					@Override
					public boolean supportsParameter(MethodParameter parameter) {
						return parameter.getParameterType() == Map.class;
					}

					@Override
					public Object resolveArgument(MethodParameter parameter, org.springframework.messaging.Message<?> message) {
						return Map.copyOf(message.getHeaders());
					}
				});
			}
		};
		StanzaHandlerFactory custom = new StanzaHandlerFactory(new DefaultConversionService(), List.of(configurer), "!",
				ArgumentValidator.NONE);
		HandlerRegistry registry = new HandlerRegistry();
		TestRouting.register(registry, custom, handler);
		registry.freeze();

		invoke(registry, Stanzas.chat(USER, BOT, "!roll 6"));

		assertThat(handler.headers).containsEntry(XmppHeaders.KIND, StanzaKind.MESSAGE)
			.containsEntry(XmppHeaders.FROM, USER)
			.containsEntry(XmppHeaders.TO, BOT)
			.containsEntry(XmppHeaders.TYPE, "chat")
			.containsKey(XmppHeaders.BODY_MATCH);
		assertThat(((java.util.regex.Matcher) handler.headers.get(XmppHeaders.BODY_MATCH)).group("sides")).isEqualTo("6");
	}

	static class HeaderReader {

		Map<String, Object> headers;

		@OnMessage(body = "!roll (?<sides>\\d+)")
		void roll(Map<String, Object> headers) {
			this.headers = headers;
		}

	}

	@Test
	void bindsANamedGroupConvertedToTheParameterType() throws Exception {
		Dice dice = new Dice();

		invoke(TestRouting.registry(dice), Stanzas.chat(USER, BOT, "!roll 20"));

		assertThat(dice.sides).containsExactly(20);
	}

	@Test
	void bindsNullForAGroupThatTookNoPartInTheMatch() throws Exception {
		OptionalGroup handler = new OptionalGroup();
		HandlerRegistry registry = TestRouting.registry(handler);

		invoke(registry, Stanzas.chat(USER, BOT, "!roll"));
		invoke(registry, Stanzas.chat(USER, BOT, "!roll 8"));

		assertThat(handler.sides).containsExactly(null, 8);
	}

	@Test
	void rejectsPerStanzaAGroupThatCannotBeConvertedNamingTheGroupAndTheExpectedForm() {
		HandlerRegistry registry = TestRouting.registry(new Dice());

		assertThatExceptionOfType(ArgumentRejectedException.class)
			.isThrownBy(() -> invoke(registry, Stanzas.chat(USER, BOT, "!roll 99999999999")))
			.satisfies((ex) -> assertThat(ex.getArgument()).isEqualTo("sides"))
			.withMessageContaining("sides must be a whole number from -2147483648 to 2147483647 (not \"99999999999\")")
			.withNoCause();
	}

	@Test
	void bindsTheStanzaAddressesBodyChildAndTemplate() throws Exception {
		Everything handler = new Everything();
		HandlerRegistry registry = TestRouting.registry(handler);
		Message message = Stanzas.chat(USER, BOT, "hi");
		IQ iq = Stanzas.get(USER, BOT, "query", "urn:example:q");

		invoke(registry, message);
		invoke(registry, iq);
		invoke(registry, Stanzas.presence(Presence.Type.subscribe, USER, BOT));

		// The template a handler gets is the component's, wrapped to notice when it answers the stanza.
		assertThat(handler.bound).containsExactly(message, new JID(USER), USER, new JID(BOT), BOT, "hi",
				this.template.componentJid(),
				iq, iq.getChildElement(), "presence from " + USER);
	}

	@Test
	void aMatchNamingAMissingGroupFailsNamingTheMethod() {
		assertThatExceptionOfType(HandlerDefinitionException.class).isThrownBy(() -> create(new MissingGroup(), "roll"))
			.withMessageContaining("MissingGroup.roll(int)")
			.withMessageContaining("@Match(\"count\")");
	}

	@Test
	void aMatchWithoutABodyPatternFails() {
		assertThatExceptionOfType(HandlerDefinitionException.class).isThrownBy(() -> create(new MatchWithoutPattern(), "roll"))
			.withMessageContaining("MatchWithoutPattern.roll(String)");
	}

	@Test
	void anUnsupportedParameterFailsNamingTheMethodAndParameterIndex() {
		assertThatExceptionOfType(HandlerDefinitionException.class)
			.isThrownBy(() -> create(new UnsupportedParameter(), "handle"))
			.withMessageContaining("UnsupportedParameter.handle(String, List)")
			.withMessageContaining("parameter 1");
	}

	@Test
	void parametersOfAnotherKindOfHandlerAreRejected() {
		assertThatExceptionOfType(HandlerDefinitionException.class).isThrownBy(() -> create(new WrongKind(), "bodyOnIq"))
			.withMessageContaining("WrongKind.bodyOnIq(String)")
			.withMessageContaining("parameter 0");
		assertThatExceptionOfType(HandlerDefinitionException.class).isThrownBy(() -> create(new WrongKind(), "childOnMessage"))
			.withMessageContaining("WrongKind.childOnMessage(Element)");
		assertThatExceptionOfType(HandlerDefinitionException.class).isThrownBy(() -> create(new WrongKind(), "iqOnMessage"))
			.withMessageContaining("WrongKind.iqOnMessage(IQ)");
	}

	@Test
	void unsupportedReturnTypesFailNamingTheMethod() {
		assertThatExceptionOfType(HandlerDefinitionException.class).isThrownBy(() -> create(new WrongReturns(), "text"))
			.withMessageContaining("WrongReturns.text()")
			.withMessageContaining("String");
		assertThatExceptionOfType(HandlerDefinitionException.class).isThrownBy(() -> create(new WrongReturns(), "number"))
			.withMessageContaining("WrongReturns.number()")
			.withMessageContaining("Integer");
		assertThatExceptionOfType(HandlerDefinitionException.class).isThrownBy(() -> create(new WrongReturns(), "futureNumber"))
			.withMessageContaining("WrongReturns.futureNumber()");
		assertThatExceptionOfType(HandlerDefinitionException.class).isThrownBy(() -> create(new WrongReturns(), "textOnPresence"))
			.withMessageContaining("WrongReturns.textOnPresence()");
	}

	@Test
	void acceptsSupportedReturnTypesIncludingFutures() {
		for (String name : List.of("text", "futureText", "futureVoid", "packet", "iqChild", "iqFuture", "iqAnswer",
				"presencePacket")) {
			StanzaHandler handler = create(new RightReturns(), name);
			assertThat(handler.isAsync()).as(name).isEqualTo(name.contains("uture"));
		}
		assertThat(create(new RightReturns(), "futureText").returnType().getNestedParameterType()).isEqualTo(String.class);
	}

	@Test
	void aMethodNeedsExactlyOneMapping() {
		assertThatExceptionOfType(HandlerDefinitionException.class).isThrownBy(() -> create(new TwoMappings(), "both"))
			.withMessageContaining("TwoMappings.both()")
			.withMessageContaining("exactly one");
	}

	@Test
	void anInvalidMappingFailsNamingTheMethod() {
		assertThatExceptionOfType(HandlerDefinitionException.class).isThrownBy(() -> create(new InvalidMappings(), "badPattern"))
			.withMessageContaining("InvalidMappings.badPattern()");
		assertThatExceptionOfType(HandlerDefinitionException.class).isThrownBy(() -> create(new InvalidMappings(), "noNamespace"))
			.withMessageContaining("InvalidMappings.noNamespace()");
	}

	@Test
	void handlerMethodConfigurersComeFirst() throws Exception {
		HandlerMethodConfigurer configurer = new HandlerMethodConfigurer() {
			@Override
			public void addArgumentResolvers(List<org.springframework.messaging.handler.invocation.HandlerMethodArgumentResolver> resolvers) {
				resolvers.add(new org.springframework.messaging.handler.invocation.HandlerMethodArgumentResolver() {
					@Override
					public boolean supportsParameter(org.springframework.core.MethodParameter parameter) {
						return parameter.getParameterType() == StringBuilder.class;
					}

					@Override
					public Object resolveArgument(org.springframework.core.MethodParameter parameter,
							org.springframework.messaging.Message<?> message) {
						return new StringBuilder("custom");
					}
				});
			}
		};
		StanzaHandlerFactory custom = new StanzaHandlerFactory(new org.springframework.core.convert.support.DefaultConversionService(),
				List.of(configurer), "!", ArgumentValidator.NONE);
		Custom handler = new Custom();
		StanzaHandler created = custom.create(handler, method(handler, "handle"));

		created.invoke(new InboundStanza(Stanzas.chat(USER, BOT, "x"), null, this.template, Map.of()));

		assertThat(handler.seen).isEqualTo("custom");
	}

	private void invoke(HandlerRegistry registry, Packet stanza) throws Exception {
		Route route = registry.lookup(stanza);
		assertThat(route).as("a handler for %s", stanza.toXML()).isNotNull();
		route.handler().invoke(new InboundStanza(stanza, route.bodyMatch(), this.template, Map.of()));
	}

	private StanzaHandler create(Object bean, String name) {
		return this.factory.create(bean, method(bean, name));
	}

	private static Method method(Object bean, String name) {
		for (Method method : ReflectionUtils.getDeclaredMethods(bean.getClass())) {
			if (method.getName().equals(name)) {
				return method;
			}
		}
		throw new IllegalArgumentException(name);
	}

	static class Dice {

		final List<Integer> sides = new ArrayList<>();

		@OnMessage(body = "!roll (?<sides>\\d+)")
		void roll(@Match("sides") int sides) {
			this.sides.add(sides);
		}

	}

	static class OptionalGroup {

		final List<Integer> sides = new ArrayList<>();

		@OnMessage(body = "!roll( (?<sides>\\d+))?")
		void roll(@Match("sides") Integer sides) {
			this.sides.add(sides);
		}

	}

	static class Everything {

		final List<Object> bound = new ArrayList<>();

		@OnMessage
		void message(Message message, @From JID from, @From String fromText, @To JID to, @To String toText,
				@Body String body, XmppTemplate template) {
			this.bound.addAll(List.of(message, from, fromText, to, toText, body, template.componentJid()));
		}

		@OnIq(namespace = "urn:example:q")
		void iq(IQ iq, Element child) {
			this.bound.addAll(List.of(iq, child));
		}

		@OnPresence
		void presence(Packet presence, @From String from) {
			this.bound.add(presence.getElement().getName() + " from " + from);
		}

	}

	static class MissingGroup {

		@OnMessage(body = "!roll (?<sides>\\d+)")
		void roll(@Match("count") int count) {
		}

	}

	static class MatchWithoutPattern {

		@OnMessage
		void roll(@Match("sides") String sides) {
		}

	}

	static class UnsupportedParameter {

		@OnMessage
		void handle(@Body String body, List<String> what) {
		}

	}

	static class WrongKind {

		@OnIq(namespace = "urn:example:q")
		void bodyOnIq(@Body String body) {
		}

		@OnMessage
		void childOnMessage(Element child) {
		}

		@OnMessage
		void iqOnMessage(IQ iq) {
		}

	}

	static class WrongReturns {

		@OnIq(namespace = "urn:example:q")
		String text() {
			return "no";
		}

		@OnMessage
		Integer number() {
			return 1;
		}

		@OnMessage
		CompletableFuture<Integer> futureNumber() {
			return CompletableFuture.completedFuture(1);
		}

		@OnPresence
		String textOnPresence() {
			return "no";
		}

	}

	static class RightReturns {

		@OnMessage(body = "a")
		String text() {
			return "yes";
		}

		@OnMessage(body = "b")
		CompletableFuture<String> futureText() {
			return CompletableFuture.completedFuture("yes");
		}

		@OnMessage(body = "c")
		CompletableFuture<Void> futureVoid() {
			return CompletableFuture.completedFuture(null);
		}

		@OnMessage(body = "d")
		Message packet() {
			return new Message();
		}

		@OnIq(namespace = "urn:example:a")
		Element iqChild() {
			return null;
		}

		@OnIq(namespace = "urn:example:b")
		CompletableFuture<Element> iqFuture() {
			return new CompletableFuture<>();
		}

		@OnIq(namespace = "urn:example:c")
		IQ iqAnswer(IQ request) {
			return IQ.createResultIQ(request);
		}

		@OnPresence
		Presence presencePacket() {
			return new Presence();
		}

	}

	static class TwoMappings {

		@OnMessage
		@OnPresence
		void both() {
		}

	}

	static class InvalidMappings {

		@OnMessage(body = "(unclosed")
		void badPattern() {
		}

		@OnIq(namespace = "")
		void noNamespace() {
		}

	}

	static class Custom {

		String seen;

		@OnMessage
		void handle(StringBuilder custom) {
			this.seen = custom.toString();
		}

	}

}
