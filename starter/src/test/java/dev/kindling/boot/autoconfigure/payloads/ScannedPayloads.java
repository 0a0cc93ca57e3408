package dev.kindling.boot.autoconfigure.payloads;

import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.kindling.handler.IqType;
import dev.kindling.handler.OnIq;
import dev.kindling.payload.XmppPayload;

/** An application package with a payload type and a handler using it, for the scan. */
@Configuration(proxyBeanMethods = false)
@AutoConfigurationPackage
public class ScannedPayloads {

	public static final String NS = "urn:kindling:test:scanned";

	@Bean
	Handlers scannedHandlers() {
		return new Handlers();
	}

	@XmppPayload(namespace = NS, element = "score")
	public record Score(int points) {
	}

	static class Handlers {

		@OnIq(namespace = NS, type = IqType.GET)
		Score score(Score asked) {
			return asked;
		}

	}

}
