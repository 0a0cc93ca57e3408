package dev.kindling.test.autoconfigure.docs.errors;

// tag::page[]
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.xmpp.packet.PacketError.Condition;

import dev.kindling.test.Stanzas;
import dev.kindling.test.XmppTestHarness;
import dev.kindling.test.autoconfigure.XmppComponentTest;

import static org.assertj.core.api.Assertions.assertThat;

@XmppComponentTest
class ScoreErrorsTests {

    @Autowired
    XmppTestHarness harness;

    @Test
    void aScoreTooHighIsAnsweredInTheChat() {
        var tooHigh = Stanzas.chat("alice@localhost/phone", "bot.test", "!score 101");

        assertThat(harness.send(tooHigh)).singleMessage().isChat().hasBody("At most 100, not 101");
    }

    @Test
    void anUnknownPlayerIsItemNotFound() {
        var query = Stanzas.iqGet("carol@localhost/phone", "bot.test", "<score xmlns='urn:example:score'/>");

        assertThat(harness.send(query)).singleIq().isError().hasErrorCondition(Condition.item_not_found);
    }
}
// end::page[]
