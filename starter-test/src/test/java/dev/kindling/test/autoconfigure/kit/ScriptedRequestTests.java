package dev.kindling.test.autoconfigure.kit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.xmpp.packet.IQ;
import org.xmpp.packet.PacketError.Condition;

import dev.kindling.test.IqMatchers;
import dev.kindling.test.Stanzas;
import dev.kindling.test.XmppTestHarness;
import dev.kindling.test.autoconfigure.XmppComponentTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The component's own IQ requests (template.request) answered by scripts, by hand, or not at all.
 */
@XmppComponentTest(properties = "xmpp.component.request-timeout=300ms")
class ScriptedRequestTests {

	private static final String ALICE = "alice@localhost/a";

	private static final String DISCO_INFO = DiscoClientHandlers.DISCO_INFO;

	@Autowired
	XmppTestHarness harness;

	@Test
	void aScriptedResultAnswersTheRequest() {
		this.harness.whenRequest("pubsub.localhost", DISCO_INFO)
			.thenResult("<query xmlns='" + DISCO_INFO + "'><feature var='a'/><feature var='b'/></query>");

		assertThat(this.harness.send(features("pubsub.localhost"))).message(0).isTo(ALICE).hasBody("a b");
		assertThat(this.harness.sent()).iq(0).isGet().isFrom("bot.test").isTo("pubsub.localhost")
			.hasChild("query", DISCO_INFO);
		assertThat(this.harness.unansweredRequests()).isEmpty();
	}

	@Test
	void aScriptedErrorFailsTheRequest() {
		this.harness.whenRequest(IqMatchers.to("pubsub.localhost")).thenError(Condition.item_not_found);

		assertThat(this.harness.send(features("pubsub.localhost")).messages()).singleElement()
			.extracting((message) -> message.getBody()).isEqualTo("error: item-not-found");
	}

	@Test
	void theLastMatchingScriptWins() {
		this.harness.whenRequest(IqMatchers.any()).thenError(Condition.forbidden);
		this.harness.whenRequest(IqMatchers.to("muc.localhost")).thenResult("<query xmlns='" + DISCO_INFO + "'/>");

		assertThat(this.harness.send(features("muc.localhost")).messages().get(0).getBody()).isEmpty();
		assertThat(this.harness.send(features("pubsub.localhost")).messages().get(0).getBody())
			.isEqualTo("error: forbidden");
	}

	@Test
	void anUnansweredRequestRunsIntoItsTimeout() {
		this.harness.whenRequest(IqMatchers.to("pubsub.localhost")).thenNoAnswer();

		assertThat(this.harness.send(features("pubsub.localhost")).messages().get(0).getBody()).isEqualTo("no answer");
		assertThat(this.harness.send(features("muc.localhost")).messages().get(0).getBody()).isEqualTo("no answer");
		assertThat(this.harness.unansweredRequests()).singleElement()
			.extracting((request) -> request.getTo().toString()).isEqualTo("muc.localhost");
	}

	@Test
	void aRequestCanBeAnsweredByHand() {
		this.harness.sendNoWait(features("pubsub.localhost"));
		IQ request = this.harness.awaitRequest(IqMatchers.namespace(DISCO_INFO));

		assertThat(this.harness.send(Stanzas.result(request, "<query xmlns='" + DISCO_INFO + "'><feature var='x'/></query>")))
			.singleMessage().hasBody("x");
	}

	private static org.xmpp.packet.Message features(String target) {
		return Stanzas.chat(ALICE, "bot.test", "!features " + target);
	}

}
