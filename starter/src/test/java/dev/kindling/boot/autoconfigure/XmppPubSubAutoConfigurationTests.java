package dev.kindling.boot.autoconfigure;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xmpp.packet.JID;

import dev.kindling.handler.HandlerRegistry;
import dev.kindling.payload.PayloadMapper;
import dev.kindling.pubsub.OnPubSubEvent;
import dev.kindling.pubsub.PubSubEvent;
import dev.kindling.pubsub.PubSubEventDispatcher;
import dev.kindling.pubsub.PubSubTemplate;
import dev.kindling.template.XmppTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class XmppPubSubAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(XmppComponentAutoConfiguration.class, XmppPayloadAutoConfiguration.class,
				XmppPubSubAutoConfiguration.class))
		.withPropertyValues("xmpp.component.host=127.0.0.1",
				"xmpp.component.port=" + XmppComponentAutoConfigurationTests.CLOSED_PORT,
				"xmpp.component.shutdown-timeout=1s", "xmpp.component.domain=bot.example.com",
				"xmpp.component.secret=s3cret");

	@Test
	void theServiceDefaultsToPubsubUnderTheParentDomainAndEventsAreRouted() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(PubSubEventDispatcher.class);
			PubSubTemplate pubsub = context.getBean(PubSubTemplate.class);
			assertThat(pubsub.service()).isEqualTo(new JID("pubsub.example.com"));
			assertThat(pubsub.sender()).isEqualTo(new JID("bot.example.com"));
			assertThat(context.getBean(HandlerRegistry.class).handlers())
				.anySatisfy((handler) -> assertThat(handler.mapping()).contains("extension=" + PubSubTemplate.EVENT));
		});
	}

	@Test
	void theServiceCanBeSet() {
		this.runner.withPropertyValues("xmpp.pubsub.service=feeds.example.org")
			.run((context) -> assertThat(context.getBean(PubSubTemplate.class).service())
				.isEqualTo(new JID("feeds.example.org")));
	}

	@Test
	void anInvalidServiceFailsStartupNamingTheProperty() {
		this.runner.withPropertyValues("xmpp.pubsub.service=bad@@address").run((context) -> assertThat(context)
			.getFailure()
			.rootCause()
			.isInstanceOf(InvalidConfigurationPropertyValueException.class)
			.hasMessageContaining("xmpp.pubsub.service"));
	}

	@Test
	void aNonPositiveTimeoutFailsStartupNamingTheProperty() {
		this.runner.withPropertyValues("xmpp.pubsub.request-timeout=0s").run((context) -> assertThat(context)
			.getFailure()
			.rootCause()
			.isInstanceOf(InvalidConfigurationPropertyValueException.class)
			.hasMessageContaining("xmpp.pubsub.request-timeout"));
	}

	@Test
	void eventHandlerBeansAreRegisteredWithTheDispatcher() {
		this.runner.withUserConfiguration(EventHandlers.class).run((context) -> assertThat(
				context.getBean(PubSubEventDispatcher.class).mappings())
			.singleElement()
			.asString()
			.contains("scores", "Listener.scored"));
	}

	@Test
	void backsOffForATemplateOfTheApplication() {
		this.runner.withUserConfiguration(OwnTemplate.class).run((context) -> assertThat(
				context.getBean(PubSubTemplate.class).service()).isEqualTo(new JID("pubsub.mine.example")));
	}

	@Configuration(proxyBeanMethods = false)
	static class EventHandlers {

		@Bean
		Listener listener() {
			return new Listener();
		}

	}

	static class Listener {

		@OnPubSubEvent(node = "scores")
		void scored(PubSubEvent event) {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnTemplate {

		@Bean
		PubSubTemplate pubSubTemplate(XmppTemplate template, PayloadMapper payloads) {
			return new PubSubTemplate(template, new JID("pubsub.mine.example"), payloads);
		}

	}

}
