package dev.kindling.boot.autoconfigure;

import org.dom4j.Element;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xmpp.packet.IQ;

import dev.kindling.builtin.EntityTimeHandler;
import dev.kindling.builtin.PingHandler;
import dev.kindling.builtin.SoftwareVersionHandler;
import dev.kindling.disco.DiscoFeatureProvider;
import dev.kindling.disco.DiscoHandlers;
import dev.kindling.handler.HandlerRegistry;

import static org.assertj.core.api.Assertions.assertThat;

class XmppAnswersAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(XmppComponentAutoConfiguration.class, XmppAnswersAutoConfiguration.class))
		.withPropertyValues("xmpp.component.host=127.0.0.1",
				"xmpp.component.port=" + XmppComponentAutoConfigurationTests.CLOSED_PORT,
				"xmpp.component.shutdown-timeout=1s", "xmpp.component.domain=bot.example.com",
				"xmpp.component.secret=s3cret");

	@Test
	void announcesEveryBuiltInAnswerByDefault() {
		this.runner.run((context) -> assertThat(features(context)).contains(DiscoHandlers.INFO, DiscoHandlers.ITEMS,
				PingHandler.NAMESPACE, SoftwareVersionHandler.NAMESPACE, EntityTimeHandler.NAMESPACE));
	}

	@Test
	void discoCanBeSwitchedOff() {
		this.runner.withPropertyValues("xmpp.disco.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(DiscoHandlers.class);
			assertThat(context.getBean(HandlerRegistry.class).iqNamespaces()).doesNotContain(DiscoHandlers.INFO,
					DiscoHandlers.ITEMS);
			assertThat(context).hasSingleBean(PingHandler.class);
		});
	}

	@Test
	void pingCanBeSwitchedOff() {
		this.runner.withPropertyValues("xmpp.ping.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(PingHandler.class);
			assertThat(features(context)).doesNotContain(PingHandler.NAMESPACE).contains(SoftwareVersionHandler.NAMESPACE);
		});
	}

	@Test
	void versionCanBeSwitchedOff() {
		this.runner.withPropertyValues("xmpp.version.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(SoftwareVersionHandler.class);
			assertThat(features(context)).doesNotContain(SoftwareVersionHandler.NAMESPACE).contains(PingHandler.NAMESPACE);
		});
	}

	@Test
	void timeCanBeSwitchedOff() {
		this.runner.withPropertyValues("xmpp.time.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(EntityTimeHandler.class);
			assertThat(features(context)).doesNotContain(EntityTimeHandler.NAMESPACE).contains(PingHandler.NAMESPACE);
		});
	}

	@Test
	void featureProviderBeansAreAnnounced() {
		this.runner.withUserConfiguration(FeatureConfiguration.class)
			.run((context) -> assertThat(features(context)).contains("urn:example:extra"));
	}

	@Test
	void versionAndIdentityComeFromProperties() {
		this.runner
			.withPropertyValues("spring.application.name=ignored", "xmpp.version.name=Referee",
					"xmpp.version.version=2.0.1", "xmpp.version.os=Plan 9", "xmpp.disco.identity.category=game",
					"xmpp.disco.identity.type=referee", "xmpp.disco.identity.name=The Referee")
			.run((context) -> {
				Element version = context.getBean(SoftwareVersionHandler.class).version();
				assertThat(version.elementText("name")).isEqualTo("Referee");
				assertThat(version.elementText("version")).isEqualTo("2.0.1");
				assertThat(version.elementText("os")).isEqualTo("Plan 9");
				Element identity = identity(context);
				assertThat(identity.attributeValue("category")).isEqualTo("game");
				assertThat(identity.attributeValue("type")).isEqualTo("referee");
				assertThat(identity.attributeValue("name")).isEqualTo("The Referee");
			});
	}

	@Test
	void theIdentityNameDefaultsToTheSoftwareName() {
		this.runner.withPropertyValues("xmpp.version.name=Referee")
			.run((context) -> assertThat(identity(context).attributeValue("name")).isEqualTo("Referee"));
	}

	@Test
	void namesFallBackToTheApplicationName() {
		this.runner.withPropertyValues("spring.application.name=chess-referee").run((context) -> {
			Element version = context.getBean(SoftwareVersionHandler.class).version();
			assertThat(version.elementText("name")).isEqualTo("chess-referee");
			assertThat(version.elementText("version")).isNotBlank();
			assertThat(version.element("os")).as("the OS stays private unless set").isNull();
			Element identity = identity(context);
			assertThat(identity.attributeValue("name")).isEqualTo("chess-referee");
			assertThat(identity.attributeValue("category")).isEqualTo("component");
			assertThat(identity.attributeValue("type")).isEqualTo("generic");
		});
	}

	@Test
	void namesWithoutAnyConfigurationAreGeneric() {
		this.runner.run((context) -> {
			assertThat(context.getBean(SoftwareVersionHandler.class).version().elementText("name"))
				.isEqualTo(XmppAnswersAutoConfiguration.DEFAULT_NAME);
			assertThat(identity(context).attributeValue("name")).isEqualTo(XmppAnswersAutoConfiguration.DEFAULT_NAME);
		});
	}

	private static java.util.Set<String> features(AssertableApplicationContext context) {
		return context.getBean(DiscoHandlers.class).features();
	}

	private static Element identity(AssertableApplicationContext context) {
		IQ request = new IQ(IQ.Type.get);
		request.setFrom("alice@example.com/phone");
		request.setTo("bot.example.com");
		Element query = request.setChildElement("query", DiscoHandlers.INFO);
		Element answer = context.getBean(DiscoHandlers.class).info(request, query);
		return answer.element("identity");
	}

	@Configuration(proxyBeanMethods = false)
	static class FeatureConfiguration {

		@Bean
		DiscoFeatureProvider extraFeatures() {
			return () -> java.util.List.of("urn:example:extra");
		}

	}

}
