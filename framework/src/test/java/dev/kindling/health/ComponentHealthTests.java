package dev.kindling.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.kindling.connection.ComponentConnection;
import dev.kindling.connection.ComponentEndpoint;
import dev.kindling.connection.ComponentTransport;
import dev.kindling.connection.ConnectionSettings;
import dev.kindling.connection.OutboundQueue;
import dev.kindling.observe.StanzaObserver;

import static org.assertj.core.api.Assertions.assertThat;

class ComponentHealthTests {

	private final ComponentConnection connection = new ComponentConnection(
			new ComponentEndpoint("xmpp.example.com", 5347, "bot.example.com", "s3cret-never-shown"),
			new ConnectionSettings(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(2), 65536,
					Duration.ZERO),
			new OutboundQueue(10), (stanza) -> {
			}, (event) -> {
			}, StanzaObserver.NONE, ComponentTransport.TCP);

	@Test
	void aComponentNotStartedIsDownWithItsEndpointButNotItsSecret() {
		Instant later = this.connection.getStatus().since().plusSeconds(90);
		XmppHealthReport report = new ComponentHealth(this.connection, null, List.of(),
				Clock.fixed(later, ZoneOffset.UTC))
			.check();

		assertThat(report.isDown()).isTrue();
		assertThat(report.downReasons()).containsExactly("new");
		assertThat(report.details()).containsEntry("domain", "bot.example.com")
			.containsEntry("server", "xmpp.example.com:5347")
			.containsEntry("state", "NEW")
			.containsEntry("timeInState", "PT1M30S")
			.containsEntry("reconnects", 0L)
			.doesNotContainKey("lastFailure");
		assertThat(report.details().toString()).doesNotContain("s3cret-never-shown");
	}

	@Test
	void contributorsRunInOrderAndAFailingOneCountsAsDown() {
		XmppHealthContributor first = (report) -> report.detail("rooms", 2);
		XmppHealthContributor broken = (report) -> {
			throw new IllegalStateException("boom");
		};
		XmppHealthReport report = new ComponentHealth(this.connection, null, List.of(first, broken),
				Clock.systemUTC()).check();

		assertThat(report.details()).containsEntry("rooms", 2);
		assertThat(report.downReasons()).hasSize(2).last().asString().contains("failed").contains("boom");
	}

}
