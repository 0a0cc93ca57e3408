package dev.kindling.test.autoconfigure.kit;

import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import dev.kindling.test.Stanzas;
import dev.kindling.test.XmppTestHarness;
import dev.kindling.test.autoconfigure.XmppComponentTest;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;

/** The application's {@link ObservationRegistry} bean is the one the starter's routing observes with. */
@XmppComponentTest(properties = "xmpp.observations.enabled=true")
@Import(ObservationTests.Observations.class)
class ObservationTests {

	@Autowired
	XmppTestHarness harness;

	@Autowired
	TestObservationRegistry registry;

	@Test
	void aHandledMessageIsObservedThroughTheApplicationsRegistry() {
		this.harness.send(Stanzas.chat("alice@example.com/phone", "bot.test", "!double 21"));

		assertThat(this.registry).hasObservationWithNameEqualTo("xmpp.handler.invocation")
			.that()
			.hasLowCardinalityKeyValue("handler", "KitHandlers.twice(int)")
			.hasLowCardinalityKeyValue("kind", "message")
			.hasLowCardinalityKeyValue("outcome", "success")
			.hasBeenStopped();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Observations {

		@Bean
		TestObservationRegistry observationRegistry() {
			return TestObservationRegistry.create();
		}

	}

}
