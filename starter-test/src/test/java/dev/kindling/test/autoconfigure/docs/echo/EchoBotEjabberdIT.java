package dev.kindling.test.autoconfigure.docs.echo;

// tag::ejabberd[]
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import dev.kindling.connection.ComponentConnection;
import dev.kindling.devserver.EjabberdServer;
import dev.kindling.test.EjabberdExtension;
import dev.kindling.test.XmppTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest
class EchoBotEjabberdIT {

	@RegisterExtension
	static final EjabberdExtension ejabberd = EjabberdExtension.withUsers("alice").cluster(2);   // two nodes

	@Autowired
	ComponentConnection connection;

	@Test
	void echoesAClientOfTheOtherNode(EjabberdServer first) {
		await().atMost(Duration.ofSeconds(10)).until(() -> connection.getStatus().isConnected());   // to node 0
		EjabberdServer second = ejabberd.cluster().node(1);
		try (XmppTestClient alice = XmppTestClient.login(second, "alice", "alice")) {
			alice.sendChat("echo@" + first.componentDomain(), "hi");
			assertThat(alice.awaitMessage().getBody()).isEqualTo("hi");
		}
	}
}
// end::ejabberd[]
