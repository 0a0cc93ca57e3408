package dev.kindling.test.autoconfigure.kit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.xmpp.packet.IQ;
import org.xmpp.packet.Message;
import org.xmpp.packet.PacketError;
import org.xmpp.packet.PacketError.Condition;

import dev.kindling.test.Stanzas;
import dev.kindling.test.XmppTestHarness;
import dev.kindling.test.autoconfigure.XmppComponentTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exceptions become the same stanza errors as in production, because the harness goes through
 * production's router.
 */
@XmppComponentTest
class HarnessErrorMappingTests {

	private static final String ALICE = "alice@localhost/a";

	@Autowired
	XmppTestHarness harness;

	@Test
	void xmppErrorExceptionIsTheErrorItNames() {
		IQ request = Stanzas.iqGet(ALICE, "bot.test", "<missing xmlns='urn:test:fail'/>");

		assertThat(this.harness.send(request)).singleIq().isError().hasId(request.getID()).isTo(ALICE)
			.hasErrorCondition(Condition.item_not_found).hasErrorType(PacketError.Type.cancel);
	}

	@Test
	void anyOtherExceptionIsInternalServerErrorWithoutItsMessage() {
		IQ request = Stanzas.iqGet(ALICE, "bot.test", "<bug xmlns='urn:test:fail'/>");

		IQ error = this.harness.send(request).iqs().get(0);

		assertThat(this.harness.sent()).singleIq().isError().hasErrorCondition(Condition.internal_server_error);
		assertThat(error.toXML()).doesNotContain("internals");
	}

	@Test
	void aFailedFutureIsMappedLikeAnException() {
		IQ request = Stanzas.iqSet(ALICE, "bot.test", "<later xmlns='urn:test:fail'/>");

		assertThat(this.harness.send(request)).singleIq().isError().hasErrorCondition(Condition.forbidden);
	}

	@Test
	void contentThatCannotBeBoundIsAnsweredInTheChatNamingTheArgument() {
		assertThat(this.harness.send(Stanzas.chat(ALICE, "bot.test", "!double 21"))).singleMessage().hasBody("42");

		assertThat(this.harness.send(Stanzas.chat(ALICE, "bot.test", "!double twenty"))).singleMessage()
			.hasType(Message.Type.chat).isTo(ALICE).hasBody("n must be a whole number from -2147483648 to 2147483647 (not \"twenty\")");
	}

	@Test
	void unhandledRequestsAndChatsAreServiceUnavailable() {
		assertThat(this.harness.send(Stanzas.iqGet(ALICE, "bot.test", "<query xmlns='urn:test:unknown'/>"))).singleIq()
			.isError().hasErrorCondition(Condition.service_unavailable);
		assertThat(this.harness.send(Stanzas.chat(ALICE, "nobody@bot.test", "hi"))).singleMessage()
			.hasErrorCondition(Condition.service_unavailable);
	}

	@Test
	void noErrorGoesIntoARoomOrAnswersAnError() {
		assertThat(this.harness.send(Stanzas.groupchat("room@conference.localhost/alice", "bot@bot.test", "hi")))
			.isEmpty();
		assertThat(this.harness.send(Stanzas.error(Stanzas.iqGet("bot.test", ALICE, "<ping xmlns='urn:xmpp:ping'/>"),
				Condition.item_not_found))).isEmpty();
	}

}
