package dev.kindling.boot.it;

import java.time.Duration;
import java.util.Map;

import org.jivesoftware.smack.XMPPException.XMPPErrorException;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smackx.iqversion.VersionManager;
import org.jivesoftware.smackx.iqversion.packet.Version;
import org.jivesoftware.smackx.ping.PingManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.kindling.connection.ComponentConnection;
import dev.kindling.connection.ConnectionState;
import dev.kindling.devserver.EjabberdServer;
import dev.kindling.test.EjabberdExtension;
import dev.kindling.test.XmppTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The component against a real ejabberd, with Smack as the client: the same bot as
 * {@link ComponentRoundTripIT} connects, echoes a chat and answers and maps IQs.
 */
class EjabberdSmokeIT {

	@RegisterExtension
	static final EjabberdExtension ejabberd = EjabberdExtension.withUsers("alice");

	static ConfigurableApplicationContext bot;

	static XmppTestClient alice;

	static String domain;

	@BeforeAll
	static void startBot() {
		bot = start(ejabberd.server(), "--spring.application.name=ejabberd-bot", "--xmpp.version.version=9.9.9");
		ComponentConnection connection = bot.getBean(ComponentConnection.class);
		await().atMost(Duration.ofSeconds(10)).until(() -> connection.getState() == ConnectionState.CONNECTED);
		domain = ejabberd.server().componentDomain();
		alice = XmppTestClient.login(ejabberd.server(), "alice", "alice");
	}

	@AfterAll
	static void stopBot() {
		if (alice != null) {
			alice.close();
		}
		if (bot != null) {
			bot.close();
		}
	}

	@Test
	void echoesAChatMessageWithTheSameIdAndBody() {
		String id = alice.sendChat("echo@" + domain, "hello ejabberd");

		Message reply = alice.awaitMessage();

		assertThat(reply.getBody()).isEqualTo("hello ejabberd");
		assertThat(reply.getStanzaId()).isEqualTo(id);
		assertThat(reply.getFrom().toString()).isEqualTo("echo@" + domain);
		assertThat(reply.getTo().toString()).isEqualTo(alice.jid().toString());
	}

	@Test
	void answersVersionAndPingAndMapsErrors() throws Exception {
		Version version = VersionManager.getInstanceFor(alice.connection())
			.getVersion(XmppTestClient.jid(domain).asDomainBareJid());
		assertThat(version.getName()).isEqualTo("ejabberd-bot");
		assertThat(version.getVersion()).isEqualTo("9.9.9");
		assertThat(PingManager.getInstanceFor(alice.connection()).ping(XmppTestClient.jid(domain))).isTrue();

		assertThatExceptionOfType(XMPPErrorException.class)
			.isThrownBy(() -> alice.request(XmppTestClient.iq(domain, IQ.Type.get, "query", TestBot.REFUSE_NS)))
			.satisfies((ex) -> {
				assertThat(ex.getStanzaError().getCondition()).isEqualTo(StanzaError.Condition.not_allowed);
				assertThat(ex.getStanzaError().getDescriptiveText()).isEqualTo("Only referees may do that");
			});
		// The stream survived the error replies: ejabberd closes it on an improperly addressed stanza.
		assertThat(bot.getBean(ComponentConnection.class).getState()).isEqualTo(ConnectionState.CONNECTED);
		alice.sendChat(domain, "still there");
		assertThat(alice.awaitMessage().getBody()).isEqualTo("still there");
	}

	private static ConfigurableApplicationContext start(EjabberdServer server, String... properties) {
		return new SpringApplicationBuilder(TestBot.class).web(WebApplicationType.NONE)
			.properties(Map.of("xmpp.component.host", server.host(), "xmpp.component.port", server.componentPort(),
					"xmpp.component.domain", server.componentDomain(), "xmpp.component.secret", server.componentSecret(),
					"xmpp.component.backoff.min-delay", "200ms", "xmpp.component.backoff.max-delay", "2s",
					"spring.main.banner-mode", "off"))
			.run(properties);
	}

}
