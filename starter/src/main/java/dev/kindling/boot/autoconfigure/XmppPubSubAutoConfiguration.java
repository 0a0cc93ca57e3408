package dev.kindling.boot.autoconfigure;

import java.util.Arrays;

import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.util.ReflectionUtils;

import dev.kindling.handler.StanzaHandlerFactory;
import dev.kindling.payload.PayloadMapper;
import dev.kindling.pubsub.PubSubEventAnnotationBeanPostProcessor;
import dev.kindling.pubsub.PubSubEventDispatcher;
import dev.kindling.pubsub.PubSubTemplate;
import dev.kindling.routing.StanzaRouter;
import dev.kindling.template.XmppTemplate;

/**
 * Publish-subscribe: a {@link PubSubTemplate} for the service at {@code xmpp.pubsub.service}, and
 * {@code @OnPubSubEvent} methods called for the events that reach the component.
 */
@AutoConfiguration(after = { XmppComponentAutoConfiguration.class, XmppPayloadAutoConfiguration.class })
@EnableConfigurationProperties(XmppPubSubProperties.class)
public final class XmppPubSubAutoConfiguration {

	@Bean
	static PubSubEventAnnotationBeanPostProcessor pubSubEventAnnotationBeanPostProcessor() {
		return new PubSubEventAnnotationBeanPostProcessor();
	}

	/** Event handler beans must exist to be called, lazy initialization or not. */
	@Bean
	static LazyInitializationExcludeFilter xmppPubSubEventBeansLazyInitializationExcludeFilter() {
		return (beanName, definition, beanType) -> Arrays.stream(ReflectionUtils.getUniqueDeclaredMethods(beanType))
			.anyMatch(PubSubEventAnnotationBeanPostProcessor::isHandler);
	}

	@Bean
	@ConditionalOnMissingBean
	PubSubTemplate xmppPubSubTemplate(XmppTemplate template, XmppConnectionDetails details, XmppPubSubProperties properties,
			PayloadMapper payloads) {
		return new PubSubTemplate(template, properties.serviceOrDefault(details.toEndpoint().serverDomain()), payloads,
				properties.requestTimeout(), null);
	}

	@Bean
	@ConditionalOnMissingBean
	PubSubEventDispatcher xmppPubSubEventDispatcher(PayloadMapper payloads, StanzaHandlerFactory factory,
			StanzaRouter router) {
		return new PubSubEventDispatcher(payloads, factory, router);
	}

}
