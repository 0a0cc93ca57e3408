package dev.kindling.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.kindling.connection.ComponentConnectException;
import dev.kindling.connection.ComponentConnection;
import dev.kindling.connection.ComponentEndpoint;
import dev.kindling.connection.ConnectionState;
import dev.kindling.connection.ConnectionStatus;
import dev.kindling.liveness.LivenessMonitor;

/**
 * Reads the component's health: up only while the stream is authenticated and no ping has gone
 * unanswered past its timeout, and while every {@link XmppHealthContributor} agrees. The secret is
 * never part of the report.
 *
 * <p>A standby ({@link ConnectionState#STANDBY}: another instance holds the domain, this one takes
 * over when it leaves) is up too, and its contributors are not asked, because what they check
 * (rooms joined, for example) belongs to the active instance: a rolling update waits for the new
 * instance to be ready, and the new instance can only take over once the old one has left. A
 * replaced or draining instance is down.
 */
public class ComponentHealth {

	private static final Logger logger = LoggerFactory.getLogger(ComponentHealth.class);

	private final ComponentConnection connection;

	private final @Nullable LivenessMonitor liveness;

	private final List<XmppHealthContributor> contributors;

	private final Clock clock;

	/**
	 * @param clock what the report's {@code timeInState} is measured against, {@code Clock.systemUTC()}
	 * outside tests
	 */
	public ComponentHealth(ComponentConnection connection, @Nullable LivenessMonitor liveness,
			List<XmppHealthContributor> contributors, Clock clock) {
		this.connection = connection;
		this.liveness = liveness;
		this.contributors = List.copyOf(contributors);
		this.clock = clock;
	}

	/** A fresh reading. */
	public XmppHealthReport check() {
		XmppHealthReport report = new XmppHealthReport();
		checkStream(report);
		boolean standingBy = this.connection.getState() == ConnectionState.STANDBY;
		for (XmppHealthContributor contributor : this.contributors) {
			if (standingBy && !contributor.reportsWhileStandingBy()) {
				continue;
			}
			try {
				contributor.contribute(report);
			}
			catch (RuntimeException ex) {
				// A broken check must not hide the rest, and must not pass for healthy.
				logger.warn("Health contributor {} failed", contributor.getClass().getName(), ex);
				report.down("health contributor " + contributor.getClass().getName() + " failed: " + ex);
			}
		}
		return report;
	}

	private void checkStream(XmppHealthReport report) {
		ComponentEndpoint endpoint = this.connection.getEndpoint();
		ConnectionStatus status = this.connection.getStatus();
		report.detail("domain", endpoint.domain());
		report.detail("server", endpoint.host() + ":" + endpoint.port());
		report.detail("state", status.state().name());
		report.detail("since", status.since().toString());
		report.detail("timeInState", Duration.between(status.since(), this.clock.instant()).toString());
		report.detail("reconnects", Math.max(0, status.connects() - 1));
		Throwable failure = status.lastFailure();
		if (failure != null) {
			report.detail("lastFailure", reason(failure) + ": " + failure.getMessage());
		}
		if (this.liveness != null) {
			Duration roundTrip = this.liveness.lastRoundTrip();
			Instant answeredAt = this.liveness.lastAnswerAt();
			if (roundTrip != null) {
				report.detail("lastPingRoundTrip", roundTrip.toString());
			}
			if (answeredAt != null) {
				report.detail("lastPingAnsweredAt", answeredAt.toString());
			}
		}
		if (status.state() == ConnectionState.STANDBY) {
			report.detail("standby", (failure instanceof ComponentConnectException connect
					&& connect.getReason() == ComponentConnectException.Reason.CONFLICT)
							? "another instance holds the domain; taking over when it leaves"
							: "a spare without a slot; taking a slot when one frees");
		}
		else if (status.state() == ConnectionState.REPLACED) {
			report.down("replaced: another instance took the domain over (conflict); this one does not reconnect");
		}
		else if (status.state() != ConnectionState.CONNECTED) {
			report.down(whyNotConnected(status));
		}
		else if (this.liveness != null && this.liveness.isPingOverdue()) {
			report.down("ping-timeout: no answer to a ping within " + this.liveness.getTimeout().toMillis() + " ms");
		}
	}

	private static String whyNotConnected(ConnectionStatus status) {
		String state = status.state().name().toLowerCase(Locale.ROOT);
		Throwable failure = status.lastFailure();
		if (failure == null || status.state() == ConnectionState.STOPPED) {
			return state;
		}
		return state + " after " + reason(failure);
	}

	/** {@code not-authorized}, {@code conflict}, {@code ping-timeout}, {@code network}, {@code protocol}. */
	static String reason(Throwable failure) {
		if (failure instanceof ComponentConnectException connect) {
			return connect.getReason().name().toLowerCase(Locale.ROOT).replace('_', '-');
		}
		return "network";
	}

}
