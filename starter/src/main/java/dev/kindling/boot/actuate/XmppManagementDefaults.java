package dev.kindling.boot.actuate;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Actuator defaults for a bot, at the lowest precedence so any property of the application wins:
 * Kubernetes probe groups with {@code xmpp} in readiness only (a server outage must not get healthy
 * pods killed), health details shown, and only health, info and prometheus exposed over HTTP (plus
 * the stanza trace when {@code xmpp.trace.enabled=true}).
 */
public class XmppManagementDefaults implements EnvironmentPostProcessor {

	/** The name of the property source holding the defaults. */
	public static final String PROPERTY_SOURCE_NAME = "kindlingManagementDefaults";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Map<String, Object> defaults = new LinkedHashMap<>();
		defaults.put("management.endpoint.health.probes.enabled", "true");
		defaults.put("management.endpoint.health.show-details", "always");
		boolean xmppHealth = environment.getProperty("management.health.xmpp.enabled", Boolean.class,
				environment.getProperty("management.health.defaults.enabled", Boolean.class, true));
		// Naming a contributor that does not exist fails startup, so only when it does.
		defaults.put("management.endpoint.health.group.readiness.include",
				xmppHealth ? "readinessState,xmpp" : "readinessState");
		boolean trace = environment.getProperty("xmpp.trace.enabled", Boolean.class, false);
		defaults.put("management.endpoints.web.exposure.include",
				trace ? "health,info,prometheus,xmppstanzas" : "health,info,prometheus");
		environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, defaults));
	}

}
