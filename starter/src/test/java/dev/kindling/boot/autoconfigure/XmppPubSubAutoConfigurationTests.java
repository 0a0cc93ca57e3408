package dev.kindling.boot.autoconfigure;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.dom4j.DocumentException;
import org.dom4j.DocumentHelper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.messaging.handler.invocation.HandlerMethodArgumentResolver;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;

import dev.kindling.handler.From;
import dev.kindling.handler.HandlerMethodConfigurer;
import dev.kindling.handler.HandlerRegistry;
import dev.kindling.handler.XmppExceptionHandler;
import dev.kindling.payload.PayloadMapper;
import dev.kindling.pubsub.OnPubSubEvent;
import dev.kindling.pubsub.PubSubEvent;
import dev.kindling.pubsub.PubSubEventDispatcher;
import dev.kindling.pubsub.ItemId;
import dev.kindling.pubsub.PubSubTemplate;
import dev.kindling.routing.StanzaRouter;
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
	void eventHandlersBindTheArgumentsOfEveryHandlerAndTheirExceptionHandlersSeeFailures() {
		this.runner.withUserConfiguration(PipelineHandlers.class).run((context) -> {
			StanzaRouter router = context.getBean(StanzaRouter.class);
			router.route(event("<items node='scores'><item id='a'/></items>"));
			router.route(event("<purge node='broken'/>"));
			assertThat(context.getBean(Recorder.class).log).containsExactly(
					"a from pubsub.example.com for tenant-7 with a template", "handled boom from pubsub.example.com");
		});
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

	private static Message event(String content) {
		try {
			Message message = new Message();
			message.setType(Message.Type.headline);
			message.setFrom(new JID("pubsub.example.com"));
			message.setTo(new JID("bot.example.com"));
			message.getElement()
				.add(DocumentHelper.parseText("<event xmlns='" + PubSubTemplate.EVENT + "'>" + content + "</event>")
					.getRootElement()
					.detach());
			return message;
		}
		catch (DocumentException ex) {
			throw new IllegalArgumentException(ex);
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class PipelineHandlers {

		@Bean
		Recorder recorder() {
			return new Recorder();
		}

		@Bean
		HandlerMethodConfigurer tenantConfigurer() {
			return new HandlerMethodConfigurer() {

				@Override
				public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
					resolvers.add(new HandlerMethodArgumentResolver() {

						@Override
						public boolean supportsParameter(MethodParameter parameter) {
							return parameter.getParameterType() == Tenant.class;
						}

						@Override
						public Object resolveArgument(MethodParameter parameter,
								org.springframework.messaging.Message<?> message) {
							return new Tenant("tenant-7");
						}

					});
				}

			};
		}

	}

	record Tenant(String name) {
	}

	static class Recorder {

		final List<String> log = new CopyOnWriteArrayList<>();

		@OnPubSubEvent(node = "scores")
		void scored(@ItemId String id, @From JID service, Tenant tenant, XmppTemplate template) {
			this.log.add(id + " from " + service + " for " + tenant.name() + ((template != null) ? " with a template" : ""));
		}

		@OnPubSubEvent(node = "broken", kind = PubSubEvent.Kind.PURGE)
		void broken(PubSubEvent event) {
			throw new IllegalStateException("boom");
		}

		@XmppExceptionHandler
		void failed(IllegalStateException ex, @From JID from) {
			this.log.add("handled " + ex.getMessage() + " from " + from);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnTemplate {

		@Bean
		PubSubTemplate pubSubTemplate(XmppTemplate template, PayloadMapper payloads) {
			return new PubSubTemplate(template, new JID("pubsub.mine.example"), payloads, null, null);
		}

	}

}
