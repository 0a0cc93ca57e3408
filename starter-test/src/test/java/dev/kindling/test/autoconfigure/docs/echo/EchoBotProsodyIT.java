package dev.kindling.test.autoconfigure.docs.echo;

// tag::prosody[]
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import dev.kindling.connection.ComponentConnection;
import dev.kindling.test.ProsodyExtension;
import dev.kindling.test.XmppTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest
class EchoBotProsodyIT {

	@RegisterExtension
	static final ProsodyExtension prosody = ProsodyExtension.withUsers("alice");

	@Autowired
	ComponentConnection connection;

	@Test
	void echoes() {
		await().atMost(Duration.ofSeconds(10)).until(() -> connection.getStatus().isConnected());   // connects in the background
		try (XmppTestClient alice = XmppTestClient.login(prosody.server(), "alice", "alice")) {
			alice.sendChat("echo@" + prosody.server().componentDomain(), "hi");
			assertThat(alice.awaitMessage().getBody()).isEqualTo("hi");
		}
	}
}
// end::prosody[]
