package dev.kindling.boot.autoconfigure;

import java.util.Arrays;

import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.util.ReflectionUtils;

import dev.kindling.adhoc.AdHocCommandAnnotationBeanPostProcessor;
import dev.kindling.adhoc.AdHocCommands;
import dev.kindling.handler.StanzaHandlerFactory;

/**
 * Ad-hoc commands: {@code @AdHocCommand} methods listed in disco#items and run in sessions.
 */
@AutoConfiguration(before = XmppAnswersAutoConfiguration.class, after = XmppComponentAutoConfiguration.class)
@EnableConfigurationProperties(XmppAdHocProperties.class)
public final class XmppAdHocAutoConfiguration {

	@Bean
	static AdHocCommandAnnotationBeanPostProcessor adHocCommandAnnotationBeanPostProcessor() {
		return new AdHocCommandAnnotationBeanPostProcessor();
	}

	/** Command beans must exist to be listed, lazy initialization or not. */
	@Bean
	static LazyInitializationExcludeFilter xmppAdHocCommandBeansLazyInitializationExcludeFilter() {
		return (beanName, definition, beanType) -> Arrays.stream(ReflectionUtils.getUniqueDeclaredMethods(beanType))
			.anyMatch(AdHocCommands::isCommand);
	}

	@Bean
	@ConditionalOnMissingBean
	AdHocCommands xmppAdHocCommands(XmppAdHocProperties properties, StanzaHandlerFactory factory) {
		return new AdHocCommands(properties.maxSessions(), properties.sessionTimeout(), factory);
	}

}
