package dev.kindling.boot.it;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import org.jivesoftware.smack.XMPPException.XMPPErrorException;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jivesoftware.smackx.disco.packet.DiscoverInfo;
import org.jivesoftware.smackx.iqversion.VersionManager;
import org.jivesoftware.smackx.iqversion.packet.Version;
import org.jivesoftware.smackx.ping.PingManager;
import org.jivesoftware.smackx.time.EntityTimeManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.context.ConfigurableApplicationContext;

import dev.kindling.connection.ComponentConnection;
import dev.kindling.connection.ConnectionState;
import dev.kindling.test.ProsodyExtension;
import dev.kindling.test.XmppTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The component against a real Prosody, with Smack as the client: echo, the built-in answers,
 * error mapping, and per-sender order under a burst.
 */
class ComponentRoundTripIT {

	@RegisterExtension
	static final ProsodyExtension prosody = ProsodyExtension.withUsers("alice", "bob");

	static ConfigurableApplicationContext bot;

	static XmppTestClient alice;

	static String domain;

	@BeforeAll
	static void startBot() {
		bot = TestBot.start(prosody.server(), "--spring.application.name=round-trip-bot", "--xmpp.version.version=9.9.9");
		ComponentConnection connection = bot.getBean(ComponentConnection.class);
		await().atMost(Duration.ofSeconds(10)).until(() -> connection.getState() == ConnectionState.CONNECTED);
		domain = prosody.server().componentDomain();
		alice = XmppTestClient.login(prosody.server(), "alice", "alice");
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
		String id = alice.sendChat("echo@" + domain, "hello bot");

		Message reply = alice.awaitMessage();

		assertThat(reply.getBody()).isEqualTo("hello bot");
		assertThat(reply.getStanzaId()).isEqualTo(id);
		assertThat(reply.getType()).isEqualTo(Message.Type.chat);
		assertThat(reply.getFrom().toString()).isEqualTo("echo@" + domain);
	}

	@Test
	void keepsTheLineBreaksAndSpacesOfABody() {
		String body = "  a board:\nX-O\n-X-\n--O  ";
		alice.sendChat("echo@" + domain, body);

		assertThat(alice.awaitMessage().getBody()).isEqualTo(body);
	}

	@Test
	void echoesOnAnyAddressOfTheDomain() {
		alice.sendChat(domain, "to the domain");
		assertThat(alice.awaitMessage().getFrom().toString()).isEqualTo(domain);

		alice.sendChat("someone.else@" + domain + "/desk", "to a full JID");
		assertThat(alice.awaitMessage().getFrom().toString()).isEqualTo("someone.else@" + domain + "/desk");
	}

	@Test
	void discoInfoListsIdentityAndEveryFeature() throws Exception {
		DiscoverInfo info = ServiceDiscoveryManager.getInstanceFor(alice.connection())
			.discoverInfo(XmppTestClient.jid(domain));

		assertThat(info.getIdentities()).singleElement().satisfies((identity) -> {
			assertThat(identity.getCategory()).isEqualTo("component");
			assertThat(identity.getType()).isEqualTo("generic");
			assertThat(identity.getName()).isEqualTo("round-trip-bot");
		});
		assertThat(info.getFeatures()).extracting(DiscoverInfo.Feature::getVar)
			.contains("http://jabber.org/protocol/disco#info", "http://jabber.org/protocol/disco#items", "urn:xmpp:ping",
					"jabber:iq:version", "urn:xmpp:time", TestBot.FAIL_NS, TestBot.BLOCK_NS, TestBot.LATER_NS);
	}

	@Test
	void answersSoftwareVersionPingAndTime() throws Exception {
		Version version = VersionManager.getInstanceFor(alice.connection()).getVersion(XmppTestClient.jid(domain).asDomainBareJid());
		assertThat(version.getName()).isEqualTo("round-trip-bot");
		assertThat(version.getVersion()).isEqualTo("9.9.9");

		assertThat(PingManager.getInstanceFor(alice.connection()).ping(XmppTestClient.jid(domain))).isTrue();

		assertThat(EntityTimeManager.getInstanceFor(alice.connection()).getTime(XmppTestClient.jid(domain)).getTime())
			.isNotNull();
	}

	@Test
	void unknownRequestIsServiceUnavailable() {
		assertThatExceptionOfType(XMPPErrorException.class)
			.isThrownBy(() -> alice.request(XmppTestClient.iq(domain, IQ.Type.get, "query", "urn:nobody:serves:this")))
			.satisfies((ex) -> assertThat(ex.getStanzaError().getCondition()).isEqualTo(StanzaError.Condition.service_unavailable));
	}

	@Test
	void handlerExceptionIsInternalServerErrorWithoutItsText() {
		assertThatExceptionOfType(XMPPErrorException.class)
			.isThrownBy(() -> alice.request(XmppTestClient.iq(domain, IQ.Type.get, "query", TestBot.FAIL_NS)))
			.satisfies((ex) -> {
				assertThat(ex.getStanzaError().getCondition()).isEqualTo(StanzaError.Condition.internal_server_error);
				assertThat(ex.getStanzaError().toXML().toString()).doesNotContain("secret detail");
			});
	}

	@Test
	void xmppErrorExceptionBecomesThatError() {
		assertThatExceptionOfType(XMPPErrorException.class)
			.isThrownBy(() -> alice.request(XmppTestClient.iq(domain, IQ.Type.get, "query", TestBot.REFUSE_NS)))
			.satisfies((ex) -> {
				assertThat(ex.getStanzaError().getCondition()).isEqualTo(StanzaError.Condition.not_allowed);
				assertThat(ex.getStanzaError().getDescriptiveText()).isEqualTo("Only referees may do that");
			});
	}

	@Test
	void futureResultIsSentWhenItCompletes() throws Exception {
		IQ answer = alice.request(XmppTestClient.iq(domain, IQ.Type.get, "query", TestBot.LATER_NS));

		assertThat(answer.getType()).isEqualTo(IQ.Type.result);
		assertThat(answer.toXML().toString()).contains("done").contains(TestBot.LATER_NS);
	}

	@Test
	void observersSeeWhatWasReceivedHandledAndWritten() {
		TestBot.RecordingObserver observer = bot.getBean(TestBot.RecordingObserver.class);
		String id = alice.sendChat("observed@" + domain, "watch this");
		alice.awaitMessage();

		assertThat(observer.received).anySatisfy((stanza) -> assertThat(stanza.getID()).isEqualTo(id));
		assertThat(observer.sent).anySatisfy((stanza) -> {
			assertThat(stanza.getID()).isEqualTo(id);
			assertThat(stanza.getTo().toBareJID()).isEqualTo("alice@localhost");
		});
		assertThat(observer.handled).contains("TestBot.Handlers.echo(String)");
		assertThatExceptionOfType(XMPPErrorException.class)
			.isThrownBy(() -> alice.request(XmppTestClient.iq(domain, IQ.Type.get, "query", TestBot.FAIL_NS)));
		assertThat(observer.handled).contains("TestBot.Handlers.fail() failed");
	}

	@Test
	void keepsPerSenderOrderUnderABurstOfAThousandMessages() {
		int count = 1000;
		IntStream.range(0, count).forEach((i) -> alice.sendChat("order@" + domain, "m" + i));

		List<Message> replies = alice.awaitMessages(count, Duration.ofSeconds(30));

		assertThat(replies).extracting(Message::getBody)
			.containsExactlyElementsOf(IntStream.range(0, count).mapToObj((i) -> "m" + i).toList());
	}

}
