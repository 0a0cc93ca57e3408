package dev.kindling.boot.it;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

import dev.kindling.test.ProsodyExtension;
import dev.kindling.test.XmppTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The actuator endpoints of a bot against a real Prosody, read over HTTP: health that follows the
 * stream through a server crash, probe groups, a Prometheus scrape that promtool accepts, the
 * stanza trace.
 */
class ActuatorIT {

	@RegisterExtension
	static final ProsodyExtension prosody = ProsodyExtension.withUsers("alice");

	private final List<ConfigurableApplicationContext> bots = new ArrayList<>();

	@AfterEach
	void stopBots() {
		this.bots.forEach(ConfigurableApplicationContext::close);
		if (!prosody.server().isRunning()) {
			prosody.server().restart();
		}
	}

	private ActuatorClient start(String... properties) {
		ConfigurableApplicationContext bot = TestBot.startWeb(prosody.server(), properties);
		this.bots.add(bot);
		return new ActuatorClient(bot);
	}

	private static void awaitStatus(ActuatorClient actuator, String path, String status) {
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(actuator.json(path).path("status").asString()).isEqualTo(status));
	}

	private void chat(int messages) {
		try (XmppTestClient alice = XmppTestClient.login(prosody.server(), "alice", "alice")) {
			for (int i = 0; i < messages; i++) {
				alice.sendChat("echo@" + prosody.server().componentDomain(), "hello " + i);
				assertThat(alice.awaitMessage().getBody()).isEqualTo("hello " + i);
			}
		}
	}

	@Test
	void healthFollowsTheStreamThroughAServerCrashAndReadinessWithIt() {
		ActuatorClient actuator = start("--xmpp.component.ping-interval=300ms");
		awaitStatus(actuator, "/actuator/health/xmpp", "UP");
		await().atMost(Duration.ofSeconds(15))
			.until(() -> actuator.json("/actuator/health/xmpp").path("details").has("lastPingRoundTrip"));

		HttpResponse<String> up = actuator.get("/actuator/health/xmpp");
		assertThat(up.statusCode()).isEqualTo(200);
		assertThat(up.body()).doesNotContain(prosody.server().componentSecret());
		JsonNode details = actuator.json("/actuator/health/xmpp").path("details");
		assertThat(details.path("domain").asString()).isEqualTo(prosody.server().componentDomain());
		assertThat(details.path("server").asString())
			.isEqualTo(prosody.server().host() + ":" + prosody.server().componentPort());
		assertThat(details.path("state").asString()).isEqualTo("CONNECTED");
		assertThat(details.path("reconnects").asLong()).isZero();
		assertThat(details.has("timeInState")).isTrue();
		JsonNode readiness = actuator.json("/actuator/health/readiness");
		assertThat(readiness.path("status").asString()).isEqualTo("UP");
		assertThat(readiness.path("components").has("xmpp")).isTrue();
		assertThat(actuator.json("/actuator/health/liveness").path("components").has("xmpp")).isFalse();

		prosody.server().kill();
		awaitStatus(actuator, "/actuator/health/xmpp", "DOWN");
		HttpResponse<String> down = actuator.get("/actuator/health/xmpp");
		assertThat(down.statusCode()).isEqualTo(503);
		assertThat(actuator.json("/actuator/health/xmpp").path("details").path("reason").asString())
			.matches("(backoff|connecting) after network");
		assertThat(actuator.get("/actuator/health/readiness").statusCode()).isEqualTo(503);
		// A server outage must not get the pod restarted.
		assertThat(actuator.get("/actuator/health/liveness").statusCode()).isEqualTo(200);

		prosody.server().restart();
		awaitStatus(actuator, "/actuator/health/xmpp", "UP");
		assertThat(actuator.json("/actuator/health/xmpp").path("details").path("reconnects").asLong()).isEqualTo(1);
		awaitStatus(actuator, "/actuator/health/readiness", "UP");
	}

	@Test
	void healthGoesDownWhenTheServerStopsAnsweringPings() {
		ActuatorClient actuator = start("--xmpp.component.ping-interval=300ms", "--xmpp.component.ping-timeout=1s");
		awaitStatus(actuator, "/actuator/health/xmpp", "UP");

		// A frozen server keeps the socket open: only the unanswered ping shows the stream is dead.
		prosody.server().freeze();
		try {
			awaitStatus(actuator, "/actuator/health/xmpp", "DOWN");
			assertThat(actuator.json("/actuator/health/xmpp").path("details").path("reason").asString())
				.contains("ping-timeout");
		}
		finally {
			prosody.server().unfreeze();
		}
		awaitStatus(actuator, "/actuator/health/xmpp", "UP");
	}

	@Test
	void prometheusScrapeCountsTheExchangeAndPassesPromtool() {
		ActuatorClient actuator = start();
		awaitStatus(actuator, "/actuator/health/xmpp", "UP");
		chat(3);

		String scrape = actuator.get("/actuator/prometheus", "text/plain").body();
		await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(sample(
				actuator.get("/actuator/prometheus", "text/plain").body(),
				"xmpp_stanzas_sent_total{kind=\"message\",type=\"chat\"}")).isEqualTo(3));
		scrape = actuator.get("/actuator/prometheus", "text/plain").body();
		assertThat(sample(scrape, "xmpp_stanzas_received_total{kind=\"message\",type=\"chat\"}")).isEqualTo(3);
		assertThat(sample(scrape,
				"xmpp_handler_duration_seconds_count{handler=\"TestBot.Handlers.echo(String)\",outcome=\"success\"}"))
			.isEqualTo(3);
		assertThat(sample(scrape, "xmpp_connection_state{state=\"connected\"}")).isEqualTo(1);
		assertThat(sample(scrape, "xmpp_connection_reconnects_total")).isZero();
		assertThat(scrape).contains("# HELP xmpp_stanzas_received_total Stanzas received from the server")
			.contains("xmpp_dispatch_queued ")
			.contains("xmpp_requests_seconds_count{outcome=\"timeout\"}")
			.doesNotContain("alice@");

		Promtool.Result whole = Promtool.checkMetrics(scrape);
		LoggerFactory.getLogger(ActuatorIT.class).info("promtool check metrics on the whole scrape: exit {}\n{}",
				whole.exitCode(), whole.output());
		assertThat(whole.output()).as("promtool on the whole scrape").doesNotContain("error while linting");
		assertThat(whole.output().lines().filter((line) -> line.startsWith("xmpp_")))
			.as("promtool lint of Kindling's series").isEmpty();
		Promtool.Result kindling = Promtool.checkMetrics(kindlingFamilies(scrape));
		assertThat(kindling.exitCode()).as(kindling.output()).isZero();
		assertThat(kindling.output()).isBlank();
	}

	@Test
	void infoShowsTheComponentAndTheTraceIsOffByDefault() {
		ActuatorClient actuator = start();
		JsonNode xmpp = actuator.json("/actuator/info").path("xmpp");
		assertThat(xmpp.path("domain").asString()).isEqualTo(prosody.server().componentDomain());
		assertThat(xmpp.path("features").toString()).contains("urn:xmpp:ping");
		assertThat(actuator.get("/actuator/xmppstanzas").statusCode()).isEqualTo(404);
		assertThat(actuator.get("/actuator/env").statusCode()).isEqualTo(404);
	}

	@Test
	void traceShowsTheEchoExchangeInOrderAndNeverTheHandshake() {
		ActuatorClient actuator = start("--xmpp.trace.enabled=true");
		awaitStatus(actuator, "/actuator/health/xmpp", "UP");
		chat(1);

		await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(messages(actuator)).hasSize(2));
		List<JsonNode> messages = messages(actuator);
		assertThat(messages.get(0).path("direction").asString()).isEqualTo("IN");
		assertThat(messages.get(1).path("direction").asString()).isEqualTo("OUT");
		assertThat(messages.get(0).path("xml").asString()).contains("<body>hello 0</body>");
		assertThat(messages.get(1).path("xml").asString()).contains("<body>hello 0</body>");
		assertThat(messages.get(0).path("sequence").asLong()).isLessThan(messages.get(1).path("sequence").asLong());
		String all = actuator.get("/actuator/xmppstanzas").body();
		assertThat(all).doesNotContain("handshake").doesNotContain(prosody.server().componentSecret());

		HttpResponse<String> page = actuator.get("/actuator/xmppstanzas/peek", "text/html");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
		assertThat(page.body()).contains("Peek");
	}

	@Test
	void traceMasksBodiesWhenAsked() {
		ActuatorClient actuator = start("--xmpp.trace.enabled=true", "--xmpp.trace.mask-bodies=true");
		awaitStatus(actuator, "/actuator/health/xmpp", "UP");
		chat(1);

		await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(messages(actuator)).hasSize(2));
		assertThat(messages(actuator)).allSatisfy((message) -> assertThat(message.path("xml").asString())
			.contains("<body>[masked]</body>")
			.doesNotContain("hello 0"));
	}

	private static List<JsonNode> messages(ActuatorClient actuator) {
		List<JsonNode> messages = new ArrayList<>();
		actuator.json("/actuator/xmppstanzas").path("stanzas").forEach((stanza) -> {
			if (stanza.path("kind").asString().equals("message")) {
				messages.add(stanza);
			}
		});
		return messages;
	}

	/** The value of one sample line, e.g. {@code name{label="x"}}. */
	static double sample(String scrape, String series) {
		Matcher matcher = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)", Pattern.MULTILINE).matcher(scrape);
		assertThat(matcher.find()).as("series %s in%n%s", series, scrape).isTrue();
		return Double.parseDouble(matcher.group(1));
	}

	/** Only the metric families whose names start with {@code xmpp_}, with their HELP and TYPE lines. */
	static String kindlingFamilies(String scrape) {
		StringBuilder kindling = new StringBuilder();
		scrape.lines()
			.filter((line) -> line.startsWith("xmpp_") || line.startsWith("# HELP xmpp_")
					|| line.startsWith("# TYPE xmpp_"))
			.forEach((line) -> kindling.append(line).append('\n'));
		return kindling.toString();
	}

}
