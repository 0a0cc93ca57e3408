package dev.kindling.boot.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.kindling.test.ProsodyExtension;
import dev.kindling.test.XmppTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A real Prometheus (Debian package {@code prometheus}) on loopback scrapes a running bot every
 * second: the target comes up and Kindling's series hold what happened.
 */
class PrometheusScrapeIT {

	@RegisterExtension
	static final ProsodyExtension prosody = ProsodyExtension.withUsers("alice");

	@TempDir
	Path dir;

	private ConfigurableApplicationContext bot;

	private Process prometheus;

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	@AfterEach
	void stop() throws InterruptedException {
		if (this.prometheus != null) {
			this.prometheus.destroy();
			if (!this.prometheus.waitFor(10, TimeUnit.SECONDS)) {
				this.prometheus.destroyForcibly();
			}
		}
		if (this.bot != null) {
			this.bot.close();
		}
	}

	@Test
	void prometheusScrapesTheBotAndSeesTheMessages() throws Exception {
		this.bot = TestBot.startWeb(prosody.server());
		ActuatorClient actuator = new ActuatorClient(this.bot);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> actuator.json("/actuator/health/xmpp").path("status").asString().equals("UP"));
		String target = actuator.base().substring("http://".length());
		String prometheusBase = startPrometheus(target);

		// The discovery manager hands targets to the scrapers every ~5 s: up after ~6.5 s here.
		long start = System.nanoTime();
		await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500))
			.ignoreExceptionsInstanceOf(IOException.class)
			.untilAsserted(() -> {
			assertThat(this.prometheus.isAlive()).as(() -> "prometheus exited: " + log()).isTrue();
			JsonNode targets = query(prometheusBase + "/api/v1/targets?state=active").path("data").path("activeTargets");
			assertThat(targets.size()).isEqualTo(1);
			assertThat(targets.get(0).path("health").asString()).as(targets.toString()).isEqualTo("up");
		});

		LoggerFactory.getLogger(PrometheusScrapeIT.class)
			.info("Prometheus saw the bot's target up after {} ms", (System.nanoTime() - start) / 1_000_000);

		try (XmppTestClient alice = XmppTestClient.login(prosody.server(), "alice", "alice")) {
			for (int i = 0; i < 4; i++) {
				alice.sendChat("echo@" + prosody.server().componentDomain(), "scrape me " + i);
				assertThat(alice.awaitMessage().getBody()).isEqualTo("scrape me " + i);
			}
		}

		String series = "xmpp_stanzas_received_total{kind=\"message\",type=\"chat\",job=\"bot\"}";
		await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
			JsonNode result = query(prometheusBase + "/api/v1/query?query="
					+ URLEncoder.encode(series, StandardCharsets.UTF_8)).path("data").path("result");
			assertThat(result.size()).as(result.toString()).isEqualTo(1);
			assertThat(result.get(0).path("value").get(1).asString()).isEqualTo("4");
		});
		JsonNode up = query(prometheusBase + "/api/v1/query?query=" + URLEncoder.encode("up{job=\"bot\"}", StandardCharsets.UTF_8));
		assertThat(up.path("data").path("result").get(0).path("value").get(1).asString()).isEqualTo("1");
	}

	private String startPrometheus(String target) throws IOException {
		int port = freePort();
		Path config = this.dir.resolve("prometheus.yml");
		Files.writeString(config, """
				global:
				  scrape_interval: 1s
				  scrape_timeout: 1s
				scrape_configs:
				  - job_name: bot
				    metrics_path: /actuator/prometheus
				    static_configs:
				      - targets: ['%s']
				""".formatted(target));
		this.prometheus = new ProcessBuilder(Promtool.executable("prometheus"), "--config.file=" + config,
				"--storage.tsdb.path=" + this.dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
			.redirectErrorStream(true)
			.redirectOutput(this.dir.resolve("prometheus.log").toFile())
			.start();
		return "http://127.0.0.1:" + port;
	}

	private String log() {
		try {
			return Files.readString(this.dir.resolve("prometheus.log"));
		}
		catch (IOException ex) {
			return ex.toString();
		}
	}

	private JsonNode query(String url) throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(URI.create(url)).build(),
				HttpResponse.BodyHandlers.ofString());
		return this.json.readTree(response.body());
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
