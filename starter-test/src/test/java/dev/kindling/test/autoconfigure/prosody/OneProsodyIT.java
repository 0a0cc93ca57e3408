package dev.kindling.test.autoconfigure.prosody;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

import dev.kindling.connection.ComponentConnection;
import dev.kindling.devserver.ProsodyServer;
import dev.kindling.test.ProsodyExtension;
import dev.kindling.test.XmppTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dev server is turned on (as in a sample's application.yaml, here even by the test's own
 * properties), and the test registers a ProsodyExtension: only the extension's Prosody runs, and
 * the component connects to it without any connection bean in the test.
 */
@SpringBootTest(properties = { "xmpp.dev-server.enabled=true", "xmpp.component.domain=echo.example.com",
		"xmpp.component.secret=from-the-yaml" })
class OneProsodyIT {

	@RegisterExtension
	static final ProsodyExtension prosody = ProsodyExtension.withUsers("alice");

	@Autowired
	ApplicationContext context;

	@Autowired
	ComponentConnection connection;

	@Test
	void onlyTheExtensionsProsodyRuns() {
		assertThat(this.context.getBeanProvider(ProsodyServer.class).getIfAvailable()).as("the dev server's Prosody")
			.isNull();
		assertThat(prosodyChildren()).as("Prosody processes started by this JVM").singleElement()
			.isEqualTo(prosody.server().pid());
	}

	@Test
	void theComponentConnectsToTheExtensionsProsody() {
		await().atMost(Duration.ofSeconds(10)).until(() -> this.connection.getStatus().isConnected());
		try (XmppTestClient alice = XmppTestClient.login(prosody.server(), "alice", "alice")) {
			alice.sendChat("echo@" + prosody.server().componentDomain(), "hi");
			assertThat(alice.awaitMessage().getBody()).isEqualTo("hi");
		}
	}

	@Test
	void theServersDomainsAreProperties() {
		assertThat(this.context.getEnvironment().getProperty("xmpp.test.prosody.muc-domain"))
			.isEqualTo(prosody.server().mucDomain());
		assertThat(this.context.getEnvironment().getProperty("xmpp.test.prosody.pubsub-domain"))
			.isEqualTo(prosody.server().pubsubDomain());
	}

	@Nested
	class InANestedClass {

		@Autowired
		ApplicationContext nested;

		@Test
		void theEnclosingClassesProsodyServes() {
			assertThat(this.nested.getBeanProvider(ProsodyServer.class).getIfAvailable()).isNull();
			assertThat(prosodyChildren()).singleElement().isEqualTo(prosody.server().pid());
		}

	}

	/** Prosody processes below this JVM (others on the machine are not ours). */
	static List<Long> prosodyChildren() {
		return ProcessHandle.current().descendants()
			.filter((process) -> process.info().commandLine().orElse("").contains("prosody"))
			.map(ProcessHandle::pid)
			.toList();
	}

}
