package dev.kindling.boot.actuate.trace;

import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.xmpp.packet.Message;

import static org.assertj.core.api.Assertions.assertThat;

class XmppTraceAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(EndpointAutoConfiguration.class, XmppTraceAutoConfiguration.class));

	private final ApplicationContextRunner exposed = this.runner
		.withPropertyValues("management.endpoints.web.exposure.include=xmppstanzas");

	@Test
	void offByDefault() {
		this.exposed.run((context) -> assertThat(context).hasNotFailed()
			.doesNotHaveBean(StanzaTrace.class)
			.doesNotHaveBean(XmppStanzasEndpoint.class));
	}

	@Test
	void keepsAHundredStanzasUnmaskedWhenEnabled() {
		this.exposed.withPropertyValues("xmpp.trace.enabled=true").run((context) -> {
			assertThat(context).hasSingleBean(StanzaTrace.class).hasSingleBean(XmppStanzasEndpoint.class);
			StanzaTrace trace = context.getBean(StanzaTrace.class);
			assertThat(trace.capacity()).isEqualTo(100);
			assertThat(trace.isMaskingBodies()).isFalse();
		});
	}

	@Test
	void takesCapacityAndMaskingFromProperties() {
		this.exposed.withPropertyValues("xmpp.trace.enabled=true", "xmpp.trace.capacity=2", "xmpp.trace.mask-bodies=true")
			.run((context) -> {
				XmppStanzasEndpoint endpoint = context.getBean(XmppStanzasEndpoint.class);
				StanzaTrace trace = context.getBean(StanzaTrace.class);
				for (String body : new String[] { "one", "two", "three" }) {
					Message message = new Message();
					message.setBody(body);
					trace.received(message);
				}
				XmppStanzasEndpoint.StanzaTraceDescriptor descriptor = endpoint.stanzas(null);
				assertThat(descriptor.capacity()).isEqualTo(2);
				assertThat(descriptor.maskBodies()).isTrue();
				assertThat(descriptor.stanzas()).hasSize(2)
					.allSatisfy((stanza) -> assertThat(stanza.xml()).contains(StanzaTrace.MASK)
						.doesNotContain("two")
						.doesNotContain("three"));
			});
	}

	@Test
	void theEndpointIsAbsentUnlessExposed() {
		this.runner.withPropertyValues("xmpp.trace.enabled=true")
			.run((context) -> assertThat(context).hasSingleBean(StanzaTrace.class)
				.doesNotHaveBean(XmppStanzasEndpoint.class));
	}

	@Test
	void servesThePeekPage() {
		this.exposed.withPropertyValues("xmpp.trace.enabled=true").run((context) -> {
			XmppStanzasEndpoint endpoint = context.getBean(XmppStanzasEndpoint.class);
			WebEndpointResponse<String> page = endpoint.page("peek");
			assertThat(page.getStatus()).isEqualTo(200);
			assertThat(page.getContentType().toString()).startsWith("text/html");
			assertThat(page.getBody()).contains("<title>Peek").contains("../xmppstanzas?after=");
			assertThat(endpoint.page("other").getStatus()).isEqualTo(404);
		});
	}

	@Test
	void rejectsACapacityOutOfRange() {
		this.exposed.withPropertyValues("xmpp.trace.enabled=true", "xmpp.trace.capacity=0").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("xmpp.trace.capacity");
		});
	}

}
