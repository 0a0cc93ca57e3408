package dev.kindling.boot.autoconfigure;

import java.time.Clock;
import java.util.Arrays;

import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.util.ReflectionUtils;

import dev.kindling.adhoc.AdHocCommandAnnotationBeanPostProcessor;
import dev.kindling.adhoc.AdHocCommandHandler;
import dev.kindling.adhoc.AdHocCommands;
import dev.kindling.adhoc.CommandSessions;
import dev.kindling.handler.StanzaHandlerFactory;

/**
 * Ad-hoc commands: {@code @AdHocCommand} methods listed in disco#items ({@link AdHocCommands}) and
 * run by {@link AdHocCommandHandler} in {@link CommandSessions}.
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

	/** The commands by node, listed in disco#items. */
	@Bean
	@ConditionalOnMissingBean
	AdHocCommands xmppAdHocCommands(StanzaHandlerFactory factory) {
		return new AdHocCommands(factory);
	}

	@Bean
	@ConditionalOnMissingBean
	CommandSessions xmppAdHocCommandSessions(XmppAdHocProperties properties) {
		return new CommandSessions(properties.maxSessions(), properties.sessionTimeout(), Clock.systemUTC());
	}

	/** The {@code @OnIq} handler that runs the steps. */
	@Bean
	@ConditionalOnMissingBean
	AdHocCommandHandler xmppAdHocCommandHandler(AdHocCommands commands, CommandSessions sessions) {
		return new AdHocCommandHandler(commands, sessions);
	}

}
