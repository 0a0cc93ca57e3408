package dev.kindling.boot.autoconfigure;

import org.dom4j.QName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.kindling.boot.autoconfigure.payloads.ScannedPayloads;
import dev.kindling.handler.HandlerRegistry;
import dev.kindling.payload.PayloadHandlerMethodConfigurer;
import dev.kindling.payload.PayloadMapper;

import static org.assertj.core.api.Assertions.assertThat;

class XmppPayloadAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(XmppComponentAutoConfiguration.class, XmppPayloadAutoConfiguration.class))
		.withPropertyValues("xmpp.component.host=127.0.0.1",
				"xmpp.component.port=" + XmppComponentAutoConfigurationTests.CLOSED_PORT,
				"xmpp.component.shutdown-timeout=1s", "xmpp.component.domain=bot.example.com",
				"xmpp.component.secret=s3cret");

	@Test
	void registersThePayloadTypesOfTheApplicationPackagesAndLetsHandlersUseThem() {
		this.runner.withUserConfiguration(ScannedPayloads.class).run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(PayloadMapper.class)
				.hasSingleBean(PayloadHandlerMethodConfigurer.class);
			assertThat(context.getBean(PayloadMapper.class).typeOf(QName.get("score", ScannedPayloads.NS)))
				.contains(ScannedPayloads.Score.class);
			assertThat(context.getBean(HandlerRegistry.class).iqNamespaces()).contains(ScannedPayloads.NS);
		});
	}

	@Test
	void withoutApplicationPackagesNothingIsScanned() {
		this.runner.run((context) -> assertThat(context.getBean(PayloadMapper.class).types()).isEmpty());
	}

	@Test
	void backsOffForAMapperOfTheApplication() {
		this.runner.withUserConfiguration(OwnMapper.class)
			.run((context) -> assertThat(context.getBean(PayloadMapper.class)).isSameAs(OwnMapper.MAPPER));
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnMapper {

		static final PayloadMapper MAPPER = PayloadMapper.withDefaults();

		@Bean
		PayloadMapper payloadMapper() {
			return MAPPER;
		}

	}

}
