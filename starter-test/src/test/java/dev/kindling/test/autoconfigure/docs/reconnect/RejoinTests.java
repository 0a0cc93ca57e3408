package dev.kindling.test.autoconfigure.docs.reconnect;

// tag::rejoin[]
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import dev.kindling.test.XmppTestHarness;
import dev.kindling.test.autoconfigure.XmppComponentTest;

import static org.assertj.core.api.Assertions.assertThat;

@XmppComponentTest
@Import(RoomJoiner.class)            // an @EventListener(ComponentConnectedEvent) bean, not a handler
class RejoinTests {

	@Autowired
	XmppTestHarness harness;

	@Test
	void rejoinsAfterAReconnect() {
		harness.reconnect();

		assertThat(harness.sent()).singlePresence().isTo("lobby@conference.localhost/bot");
	}
}
// end::rejoin[]
