package dev.kindling.boot.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads a running bot's actuator endpoints over HTTP, as Kubernetes and Prometheus do. */
final class ActuatorClient {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private final JsonMapper json = JsonMapper.builder().build();

	private final String base;

	ActuatorClient(ConfigurableApplicationContext bot) {
		this.base = "http://127.0.0.1:" + bot.getEnvironment().getProperty("local.server.port");
	}

	String base() {
		return this.base;
	}

	HttpResponse<String> get(String path) {
		return get(path, "application/json");
	}

	HttpResponse<String> get(String path, String accept) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Accept", accept)
			.timeout(Duration.ofSeconds(30))
			.build();
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	JsonNode json(String path) {
		return this.json.readTree(get(path).body());
	}

}
