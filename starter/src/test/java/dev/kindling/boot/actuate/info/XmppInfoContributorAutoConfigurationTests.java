package dev.kindling.boot.actuate.info;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.kindling.boot.actuate.ClosedPort;
import dev.kindling.boot.autoconfigure.XmppAnswersAutoConfiguration;
import dev.kindling.boot.autoconfigure.XmppComponentAutoConfiguration;
import dev.kindling.builtin.PingHandler;
import dev.kindling.disco.DiscoHandlers;

import static org.assertj.core.api.Assertions.assertThat;

@SuppressWarnings("unchecked")
class XmppInfoContributorAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(XmppComponentAutoConfiguration.class,
				XmppAnswersAutoConfiguration.class, XmppInfoContributorAutoConfiguration.class))
		.withPropertyValues(ClosedPort.componentProperties());

	@Test
	void showsVersionDomainAndFeatures() {
		this.runner.run((context) -> {
			Map<?, ?> xmpp = xmpp(context.getBean(XmppInfoContributor.class));
			assertThat(xmpp.get("domain")).isEqualTo("bot.example.com");
			assertThat(xmpp.get("kindling")).isNotNull();
			assertThat((Iterable<Object>) xmpp.get("features")).contains(DiscoHandlers.INFO, PingHandler.NAMESPACE);
		});
	}

	@Test
	void showsTheHandledNamespacesWhenDiscoIsOff() {
		this.runner.withPropertyValues("xmpp.disco.enabled=false").run((context) -> {
			Map<?, ?> xmpp = xmpp(context.getBean(XmppInfoContributor.class));
			assertThat((Iterable<Object>) xmpp.get("features")).contains(PingHandler.NAMESPACE)
				.doesNotContain(DiscoHandlers.INFO);
		});
	}

	@Test
	void offWhenDisabled() {
		this.runner.withPropertyValues("management.info.xmpp.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(XmppInfoContributor.class));
	}

	@Test
	void offWithoutAComponent() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(XmppInfoContributorAutoConfiguration.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(XmppInfoContributor.class));
	}

	private static Map<?, ?> xmpp(XmppInfoContributor contributor) {
		Info.Builder builder = new Info.Builder();
		contributor.contribute(builder);
		return (Map<?, ?>) builder.build().getDetails().get("xmpp");
	}

}
