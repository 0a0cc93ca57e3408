package dev.kindling.boot.actuate;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class XmppManagementDefaultsTests {

	private final SpringApplication application = new SpringApplication();

	private StandardEnvironment environment(Map<String, Object> properties) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
		new XmppManagementDefaults().postProcessEnvironment(environment, this.application);
		return environment;
	}

	@Test
	void readinessWaitsForTheStreamAndLivenessDoesNot() {
		StandardEnvironment environment = environment(Map.of());
		assertThat(environment.getProperty("management.endpoint.health.probes.enabled")).isEqualTo("true");
		assertThat(environment.getProperty("management.endpoint.health.group.readiness.include"))
			.isEqualTo("readinessState,xmpp");
		assertThat(environment.getProperty("management.endpoint.health.group.liveness.include")).isNull();
		assertThat(environment.getProperty("management.endpoints.web.exposure.include"))
			.isEqualTo("health,info,prometheus");
		assertThat(environment.getPropertySources().stream().reduce((first, second) -> second).orElseThrow().getName())
			.isEqualTo(XmppManagementDefaults.PROPERTY_SOURCE_NAME);
	}

	@Test
	void theApplicationsOwnPropertiesWin() {
		StandardEnvironment environment = environment(Map.of("management.endpoints.web.exposure.include", "health",
				"management.endpoint.health.show-details", "never"));
		assertThat(environment.getProperty("management.endpoints.web.exposure.include")).isEqualTo("health");
		assertThat(environment.getProperty("management.endpoint.health.show-details")).isEqualTo("never");
	}

	@Test
	void leavesXmppOutOfReadinessWhenItsIndicatorIsOff() {
		assertThat(environment(Map.of("management.health.xmpp.enabled", "false"))
			.getProperty("management.endpoint.health.group.readiness.include")).isEqualTo("readinessState");
		assertThat(environment(Map.of("management.health.defaults.enabled", "false"))
			.getProperty("management.endpoint.health.group.readiness.include")).isEqualTo("readinessState");
		assertThat(environment(Map.of("management.health.defaults.enabled", "false", "management.health.xmpp.enabled",
				"true"))
			.getProperty("management.endpoint.health.group.readiness.include")).isEqualTo("readinessState,xmpp");
	}

	@Test
	void exposesTheStanzaTraceOnlyWhenEnabled() {
		assertThat(environment(Map.of("xmpp.trace.enabled", "true"))
			.getProperty("management.endpoints.web.exposure.include"))
			.isEqualTo("health,info,prometheus,xmppstanzas");
	}

}
