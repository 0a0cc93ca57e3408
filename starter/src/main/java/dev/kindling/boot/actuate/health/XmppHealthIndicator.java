package dev.kindling.boot.actuate.health;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import dev.kindling.health.ComponentHealth;
import dev.kindling.health.XmppHealthReport;

/**
 * The {@code xmpp} health: UP while the component's stream is authenticated, pings are answered
 * and every contributor agrees; DOWN with the reason otherwise.
 */
public class XmppHealthIndicator implements HealthIndicator {

	private final ComponentHealth health;

	public XmppHealthIndicator(ComponentHealth health) {
		this.health = health;
	}

	@Override
	public Health health() {
		XmppHealthReport report = this.health.check();
		Health.Builder builder = report.isDown() ? Health.down() : Health.up();
		if (report.isDown()) {
			builder.withDetail("reason", String.join("; ", report.downReasons()));
		}
		return builder.withDetails(report.details()).build();
	}

}
