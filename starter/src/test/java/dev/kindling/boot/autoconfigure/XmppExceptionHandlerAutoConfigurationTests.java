package dev.kindling.boot.autoconfigure;

import org.junit.jupiter.api.Test;
import org.springframework.boot.LazyInitializationBeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.kindling.boot.actuate.ClosedPort;
import dev.kindling.handler.HandlerDefinitionException;
import dev.kindling.handler.XmppAdvice;
import dev.kindling.handler.XmppExceptionHandler;
import dev.kindling.handler.XmppExceptionHandlers;

import static org.assertj.core.api.Assertions.assertThat;

class XmppExceptionHandlerAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(XmppComponentAutoConfiguration.class))
		.withPropertyValues("xmpp.component.domain=bot.example.com", "xmpp.component.secret=s3cret",
				"xmpp.component.host=127.0.0.1", "xmpp.component.port=" + ClosedPort.find(),
				"xmpp.component.shutdown-timeout=1s");

	@Test
	void adviceBeansAreRegisteredUnderLazyInitialization() {
		this.runner.withUserConfiguration(AdviceConfiguration.class)
			.withInitializer((context) -> context.addBeanFactoryPostProcessor(new LazyInitializationBeanFactoryPostProcessor()))
			.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(XmppExceptionHandlers.class).adviceBeans()).singleElement()
				.isInstanceOf(Advice.class);
		});
	}

	@Test
	void aMalformedExceptionHandlerFailsStartupNamingTheMethod() {
		this.runner.withUserConfiguration(MalformedConfiguration.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).isInstanceOf(HandlerDefinitionException.class)
				.hasMessageContaining("XmppExceptionHandlerAutoConfigurationTests.Malformed.answer()")
				.hasMessageContaining("names no exception type");
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class AdviceConfiguration {

		@Bean
		Advice advice() {
			return new Advice();
		}

	}

	@XmppAdvice
	static class Advice {

		@XmppExceptionHandler
		String answer(IllegalStateException ex) {
			return "sorry";
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class MalformedConfiguration {

		@Bean
		Malformed malformed() {
			return new Malformed();
		}

	}

	static class Malformed {

		@XmppExceptionHandler
		String answer() {
			return "?";
		}

	}

}
