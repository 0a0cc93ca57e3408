package dev.kindling.devserver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.kindling.devserver.ProsodyServerTests.RawXmpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * A real two-node ejabberd cluster on loopback: a client on one node reaches a component on the
 * other, and a killed node rejoins when restarted.
 */
class EjabberdClusterTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final String HANDSHAKE_OK = "<handshake\\s*/>|<handshake>\\s*</handshake>";

	private static EjabberdCluster cluster;

	@BeforeAll
	static void startCluster() {
		cluster = EjabberdCluster.start(EjabberdOptions.defaults()
			.withBalancing(EjabberdBalancing.BARE_SOURCE, 2)
			.withUser("alice", "alice-pw")
			.withUser("bob", "bob-pw"), 2);
	}

	@AfterAll
	static void closeCluster() {
		cluster.close();
	}

	@Test
	void aClientOnTheSecondNodeReachesAComponentOnTheFirst() throws Exception {
		EjabberdServer first = cluster.node(0);
		EjabberdServer second = cluster.node(1);
		assertThat(second.nodeName()).endsWith("@127.0.0.2");
		assertThat(cluster.runningNodes(1)).containsExactly(first.nodeName(), second.nodeName());

		// Two sessions on the first node: with component_number 2, a sender whose slot has no session
		// would be dropped silently.
		try (RawXmpp component1 = EjabberdServerTests.handshake(first, first.componentSecret());
				RawXmpp component2 = EjabberdServerTests.handshake(first, first.componentSecret());
				RawXmpp alice = login(second, "alice", "alice-pw")) {
			assertThat(component1.await(HANDSHAKE_OK, TIMEOUT)).isNotEmpty();
			assertThat(component2.await(HANDSHAKE_OK, TIMEOUT)).isNotEmpty();
			alice.send("<message to='bot.localhost' type='chat' id='m1'><body>hello from node 2</body></message>");

			assertThat(EjabberdServerTests.awaitOnEither("<message[\\s\\S]*?</message>", component1, component2))
				.contains("alice@localhost/test")
				.contains("hello from node 2");

			component1.send("<message from='bot.localhost' to='alice@localhost/test' type='chat'>"
					+ "<body>hello from node 1</body></message>");
			assertThat(alice.await("<message[\\s\\S]*?</message>", TIMEOUT)).contains("hello from node 1");
		}
	}

	@Test
	void aKilledNodeRejoinsWhenRestarted() throws Exception {
		EjabberdServer second = cluster.node(1);

		cluster.kill(1);

		assertThat(cluster.runningNodes(0)).containsExactly(cluster.node(0).nodeName());

		cluster.restart(1);

		assertThat(cluster.runningNodes(0)).containsExactly(cluster.node(0).nodeName(), second.nodeName());
		try (RawXmpp bob = login(second, "bob", "bob-pw")) {
			bob.send("<iq type='get' id='v' to='localhost'><query xmlns='jabber:iq:version'/></iq>");
			assertThat(bob.await("<iq[^>]*id=['\"]v['\"][\\s\\S]*?</iq>", TIMEOUT)).contains("result");
		}
	}

	@Test
	void refusesFixedPortsAndASingleNode() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> EjabberdCluster.start(EjabberdOptions.defaults().withPorts(5222, 0, 0), 2))
			.withMessageContaining("ports of their own");
		assertThatIllegalArgumentException().isThrownBy(() -> EjabberdCluster.start(EjabberdOptions.defaults(), 1))
			.withMessageContaining("2 to 254 nodes");
	}

	/** Logs in with SASL PLAIN and binds resource {@code test}. */
	static RawXmpp login(EjabberdServer server, String user, String password) throws IOException {
		RawXmpp client = new RawXmpp(server.c2sPort());
		String header = "<?xml version='1.0'?><stream:stream to='" + server.domain()
				+ "' xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams' version='1.0'>";
		client.send(header);
		client.await("<stream:features>[\\s\\S]*?</stream:features>", TIMEOUT);
		String credentials = "\0" + user + "\0" + password;
		client.send("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>"
				+ Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)) + "</auth>");
		assertThat(client.await("<success[^>]*(/>|>[\\s\\S]*?</success>)|<failure[\\s\\S]*?</failure>", TIMEOUT))
			.startsWith("<success");
		client.send(header);
		client.await("<stream:features>[\\s\\S]*?</stream:features>", TIMEOUT);
		client.send("<iq type='set' id='bind'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'>"
				+ "<resource>test</resource></bind></iq>");
		assertThat(client.await("<iq[^>]*id=['\"]bind['\"][\\s\\S]*?</iq>", TIMEOUT)).contains("result");
		client.send("<presence/>");
		return client;
	}

}
