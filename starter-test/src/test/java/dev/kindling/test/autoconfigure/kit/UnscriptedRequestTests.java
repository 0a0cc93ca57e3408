package dev.kindling.test.autoconfigure.kit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.kindling.test.Stanzas;
import dev.kindling.test.XmppTestHarness;
import dev.kindling.test.autoconfigure.XmppComponentTest;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** A test that forgot to script the component's request is told so, rather than left waiting. */
@XmppComponentTest(properties = { "xmpp.test.timeout=1s", "xmpp.component.request-timeout=3s" })
class UnscriptedRequestTests {

	@Autowired
	XmppTestHarness harness;

	@Test
	void sendFailsNamingTheUnansweredRequest() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> this.harness.send(Stanzas.chat("alice@localhost/a", "bot.test", "!features pubsub.localhost")))
			.withMessageContaining("still busy after 1000 ms")
			.withMessageContaining("1 asynchronous replies pending")
			.withMessageContaining("No script answered these requests")
			.withMessageContaining("to=\"pubsub.localhost\"")
			.withMessageContaining("harness.whenRequest");
	}

}
