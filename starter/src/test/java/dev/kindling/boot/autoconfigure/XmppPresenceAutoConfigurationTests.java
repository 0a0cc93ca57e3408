package dev.kindling.boot.autoconfigure;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xmpp.packet.JID;
import org.xmpp.packet.Presence;

import dev.kindling.presence.ChatStates;
import dev.kindling.presence.InMemorySubscriberStore;
import dev.kindling.presence.PresenceManager;
import dev.kindling.presence.SubscriberStore;
import dev.kindling.presence.SubscriptionApprover;

import static org.assertj.core.api.Assertions.assertThat;

class XmppPresenceAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(XmppComponentAutoConfiguration.class, XmppPresenceAutoConfiguration.class))
		.withPropertyValues("xmpp.component.host=127.0.0.1",
				"xmpp.component.port=" + XmppComponentAutoConfigurationTests.CLOSED_PORT,
				"xmpp.component.shutdown-timeout=1s", "xmpp.component.domain=bot.example.com",
				"xmpp.component.secret=s3cret");

	@Test
	void presenceChatStatesAndAnInMemoryStoreByDefault() {
		this.runner.run((context) -> assertThat(context).hasSingleBean(PresenceManager.class)
			.hasSingleBean(ChatStates.class)
			.getBean(SubscriberStore.class)
			.isInstanceOf(InMemorySubscriberStore.class));
	}

	@Test
	void canBeSwitchedOff() {
		this.runner.withPropertyValues("xmpp.presence.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(PresenceManager.class));
	}

	@Test
	void askWithoutAnApproverFailsNamingTheProperty() {
		this.runner.withPropertyValues("xmpp.presence.subscription-policy=ask")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOfSatisfying(InvalidConfigurationPropertyValueException.class,
						(ex) -> assertThat(ex.getName()).isEqualTo("xmpp.presence.subscription-policy")));
	}

	@Test
	void askUsesTheApproverAndTheApplicationsStore() {
		this.runner.withPropertyValues("xmpp.presence.subscription-policy=ask")
			.withUserConfiguration(Approving.class)
			.run((context) -> {
				assertThat(context).getBean(SubscriberStore.class).isSameAs(context.getBean("myStore"));
				Presence subscribe = new Presence(Presence.Type.subscribe);
				subscribe.setFrom(new JID("friend@example.com"));
				subscribe.setTo(new JID("gab@bot.example.com"));
				context.getBean(PresenceManager.class).preRoute(subscribe);
				assertThat(context.getBean(SubscriberStore.class)
					.isSubscribed(new JID("gab@bot.example.com"), new JID("friend@example.com"))).isTrue();
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class Approving {

		@Bean
		SubscriptionApprover approver() {
			return (address, requester) -> "friend".equals(requester.getNode());
		}

		@Bean
		SubscriberStore myStore() {
			return new InMemorySubscriberStore();
		}

	}

}
