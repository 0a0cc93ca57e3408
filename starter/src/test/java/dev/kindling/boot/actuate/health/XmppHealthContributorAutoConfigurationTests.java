package dev.kindling.boot.actuate.health;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.kindling.boot.actuate.ClosedPort;
import dev.kindling.boot.autoconfigure.XmppComponentAutoConfiguration;
import dev.kindling.health.ComponentHealth;
import dev.kindling.health.XmppHealthContributor;
import dev.kindling.health.XmppHealthReport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class XmppHealthContributorAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(XmppComponentAutoConfiguration.class,
				XmppHealthContributorAutoConfiguration.class, HealthContributorAutoConfiguration.class,
				HealthContributorRegistryAutoConfiguration.class))
		.withPropertyValues(ClosedPort.componentProperties());

	@Test
	void registersTheXmppContributor() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(XmppHealthIndicator.class).hasSingleBean(ComponentHealth.class);
			assertThat(context.getBean(HealthContributorRegistry.class).getContributor("xmpp"))
				.isSameAs(context.getBean(XmppHealthIndicator.class));
		});
	}

	@Test
	void isDownWithTheReasonAndNeverShowsTheSecretWhileTheServerCannotBeReached() {
		this.runner.run((context) -> {
			XmppHealthIndicator indicator = context.getBean(XmppHealthIndicator.class);
			await().atMost(Duration.ofSeconds(10))
				.until(() -> String.valueOf(indicator.health().getDetails().get("reason")).contains("network"));
			Health health = indicator.health();
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails()).containsEntry("domain", "bot.example.com")
				.containsKeys("server", "state", "since", "timeInState", "reconnects", "lastFailure")
				.containsEntry("reconnects", 0L);
			assertThat((String) health.getDetails().get("server")).startsWith("127.0.0.1:");
			assertThat((String) health.getDetails().get("reason")).matches("(backoff|connecting) after network");
			assertThat(health.toString()).doesNotContain("s3cret-never-shown");
		});
	}

	@Test
	void contributorsAddDetailsAndReasons() {
		this.runner.withUserConfiguration(RoomContributorConfiguration.class).run((context) -> {
			Health health = context.getBean(XmppHealthIndicator.class).health();
			assertThat(health.getDetails()).containsEntry("rooms", 1);
			assertThat((String) health.getDetails().get("reason")).contains("required room lobby@conf.example.com not joined");
		});
	}

	@Test
	void aFailingContributorReportsDownNamingIt() {
		this.runner.withUserConfiguration(BrokenContributorConfiguration.class).run((context) -> {
			Health health = context.getBean(XmppHealthIndicator.class).health();
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat((String) health.getDetails().get("reason")).contains("health contributor")
				.contains("BrokenContributorConfiguration")
				.contains("no rooms today");
		});
	}

	@Test
	void offWhenTheIndicatorIsDisabled() {
		this.runner.withPropertyValues("management.health.xmpp.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(XmppHealthIndicator.class));
	}

	@Test
	void offWithoutAComponent() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(XmppHealthContributorAutoConfiguration.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(XmppHealthIndicator.class));
	}

	@Test
	void backsOffForAHealthIndicatorOfTheApplicationsOwn() {
		this.runner.withUserConfiguration(OwnIndicatorConfiguration.class).run((context) -> {
			assertThat(context).doesNotHaveBean(XmppHealthIndicator.class);
			assertThat(context.getBean("xmppHealthIndicator", HealthIndicator.class).health().getDetails())
				.containsEntry("own", true);
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class RoomContributorConfiguration {

		@Bean
		XmppHealthContributor rooms() {
			return (report) -> report.detail("rooms", 1).down("required room lobby@conf.example.com not joined");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class BrokenContributorConfiguration {

		@Bean
		XmppHealthContributor broken() {
			return new XmppHealthContributor() {
				@Override
				public void contribute(XmppHealthReport report) {
					throw new IllegalStateException("no rooms today");
				}
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnIndicatorConfiguration {

		@Bean
		HealthIndicator xmppHealthIndicator() {
			return () -> Health.up().withDetail("own", true).build();
		}

	}

}
