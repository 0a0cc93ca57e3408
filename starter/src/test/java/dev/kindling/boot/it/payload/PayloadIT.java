package dev.kindling.boot.it.payload;

import java.time.Duration;
import java.util.Map;

import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.jivesoftware.smack.XMPPException.XMPPErrorException;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.packet.UnparsedIQ;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import tools.jackson.dataformat.xml.annotation.JacksonXmlProperty;

import dev.kindling.connection.ComponentConnection;
import dev.kindling.connection.ConnectionState;
import dev.kindling.handler.From;
import dev.kindling.handler.IqType;
import dev.kindling.handler.OnIq;
import dev.kindling.payload.XmppPayload;
import dev.kindling.test.ProsodyExtension;
import dev.kindling.test.XmppTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/** A Smack client sends an IQ with a custom payload; the handler takes a record and returns one. */
class PayloadIT {

	static final String NS = "urn:example:score";

	@RegisterExtension
	static final ProsodyExtension prosody = ProsodyExtension.withUsers("alice");

	static ConfigurableApplicationContext bot;

	static XmppTestClient alice;

	@BeforeAll
	static void start() {
		bot = new SpringApplicationBuilder(ScoreBot.class).web(WebApplicationType.NONE)
			.properties(Map.of("xmpp.component.host", prosody.server().host(), "xmpp.component.port",
					prosody.server().componentPort(), "xmpp.component.domain", prosody.server().componentDomain(),
					"xmpp.component.secret", prosody.server().componentSecret(), "spring.main.banner-mode", "off"))
			.run();
		ComponentConnection connection = bot.getBean(ComponentConnection.class);
		await().atMost(Duration.ofSeconds(10)).until(() -> connection.getState() == ConnectionState.CONNECTED);
		alice = XmppTestClient.login(prosody.server(), "alice", "alice");
	}

	@AfterAll
	static void stop() {
		if (alice != null) {
			alice.close();
		}
		if (bot != null) {
			bot.close();
		}
	}

	@Test
	void theHandlerTakesARecordAndItsRecordIsTheResult() throws Exception {
		IQ answer = alice.request(new RawIq("referee@" + prosody.server().componentDomain(), IQ.Type.set, "score", NS,
				"round='3'", "<points>4</points>"));

		assertThat(answer.getType()).isEqualTo(IQ.Type.result);
		Element score = DocumentHelper.parseText(((UnparsedIQ) answer).getContent().toString()).getRootElement();
		assertThat(score.getName()).isEqualTo("score");
		assertThat(score.getNamespaceURI()).isEqualTo(NS);
		assertThat(score.attributeValue("round")).isEqualTo("3");
		assertThat(score.elementText("points")).isEqualTo("5");
		assertThat(score.elementText("player")).isEqualTo(alice.jid().asBareJid().toString());
	}

	@Test
	void aPayloadThatDoesNotFitIsABadRequest() {
		assertThatExceptionOfType(XMPPErrorException.class)
			.isThrownBy(() -> alice.request(new RawIq("referee@" + prosody.server().componentDomain(), IQ.Type.set,
					"score", NS, "round='three'", "")))
			.satisfies((ex) -> assertThat(ex.getStanzaError().getCondition()).isEqualTo(StanzaError.Condition.bad_request));
	}

	@XmppPayload(namespace = NS, element = "score")
	record Score(@JacksonXmlProperty(isAttribute = true) int round, int points, String player) {
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class ScoreBot {

		@Bean
		Referee referee() {
			return new Referee();
		}

	}

	static class Referee {

		@OnIq(namespace = NS, type = IqType.SET)
		Score score(Score reported, @From String player) {
			return new Score(reported.round(), reported.points() + 1, player.substring(0, player.indexOf('/')));
		}

	}

}
