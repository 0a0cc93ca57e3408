package dev.kindling.boot.autoconfigure;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;

import dev.kindling.dispatch.StanzaDispatcher;

import static org.assertj.core.api.Assertions.assertThat;

class XmppDispatchRateLimitAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(XmppComponentAutoConfiguration.class, XmppAnswersAutoConfiguration.class))
		.withPropertyValues("xmpp.component.host=127.0.0.1",
				"xmpp.component.port=" + XmppComponentAutoConfigurationTests.CLOSED_PORT,
				"xmpp.component.shutdown-timeout=1s", "xmpp.component.domain=bot.example.com",
				"xmpp.component.secret=s3cret");

	@Test
	void rateLimitIsOnByDefault() {
		this.runner.run((context) -> {
			XmppDispatchProperties.RateLimit limit = context.getBean(XmppDispatchProperties.class).rateLimit();
			assertThat(limit.enabled()).isTrue();
			assertThat(limit.perSecond()).isEqualTo(200);
			assertThat(limit.burst()).isEqualTo(2000);
			assertThat(limit.maxSenders()).isEqualTo(100_000);
		});
	}

	@Test
	void senderBeyondItsBurstIsRefused() {
		this.runner.withPropertyValues("xmpp.dispatch.rate-limit.burst=2", "xmpp.dispatch.rate-limit.per-second=0.001")
			.run((context) -> {
				StanzaDispatcher dispatcher = context.getBean(StanzaDispatcher.class);
				for (int i = 0; i < 5; i++) {
					dispatcher.onStanza(ping("alice@example.com/r"));
				}
				dispatcher.onStanza(ping("bob@example.com/r"));
				assertThat(dispatcher.rateLimited()).isEqualTo(3);
			});
	}

	@Test
	void rateLimitCanBeSwitchedOff() {
		this.runner.withPropertyValues("xmpp.dispatch.rate-limit.enabled=false", "xmpp.dispatch.rate-limit.burst=1")
			.run((context) -> {
				StanzaDispatcher dispatcher = context.getBean(StanzaDispatcher.class);
				for (int i = 0; i < 5; i++) {
					dispatcher.onStanza(ping("alice@example.com/r"));
				}
				assertThat(dispatcher.rateLimited()).isZero();
			});
	}

	@Test
	void badValuesFailStartupNamingTheProperty() {
		for (String property : new String[] { "xmpp.dispatch.rate-limit.burst=0", "xmpp.dispatch.rate-limit.per-second=0",
				"xmpp.dispatch.rate-limit.max-senders=0" }) {
			this.runner.withPropertyValues(property).run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining(property.substring(0, property.indexOf('='))));
		}
	}

	private static IQ ping(String from) {
		IQ iq = new IQ(IQ.Type.get);
		iq.setFrom(new JID(from));
		iq.setTo(new JID("bot.example.com"));
		iq.setChildElement("ping", "urn:xmpp:ping");
		return iq;
	}

}
