package dev.kindling.health;

/**
 * Adds to the component's health. Declare one as a bean and the {@code xmpp} health check calls it
 * each time health is read: for details to show, and, when something the component cannot serve
 * without is missing (a room marked required, a pubsub node), a reason to report the component
 * down. Called on the thread reading health, so it must be fast and must not block on the network.
 */
@FunctionalInterface
public interface XmppHealthContributor {

	/** Add details to the report, and {@link XmppHealthReport#down(String) a reason} if unhealthy. */
	void contribute(XmppHealthReport report);

	/**
	 * Whether to be asked while the connection stands by ({@code STANDBY}: another instance holds
	 * the domain, or a balanced replica is a spare). Most contributions (rooms, nodes) are about an
	 * active session and are left out then; {@code false} by default.
	 */
	default boolean reportsWhileStandingBy() {
		return false;
	}

}
