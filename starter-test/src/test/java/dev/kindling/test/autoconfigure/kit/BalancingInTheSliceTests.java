package dev.kindling.test.autoconfigure.kit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import dev.kindling.replica.Replica;
import dev.kindling.test.Stanzas;
import dev.kindling.test.XmppTestHarness;
import dev.kindling.test.autoconfigure.XmppComponentTest;

import static org.assertj.core.api.Assertions.assertThat;

/** A bot set up for ejabberd's balancing runs in the slice as one process: no probes, no replica. */
@XmppComponentTest(properties = { "xmpp.component.balancing=bare-source", "xmpp.component.instance=bot-0" })
class BalancingInTheSliceTests {

	@Autowired
	XmppTestHarness harness;

	@Autowired
	ApplicationContext context;

	@Test
	void theSliceIsNeverBalanced() {
		assertThat(this.context.getBeanProvider(Replica.class).getIfAvailable()).isNull();
		// An echo goes straight through: no probe was sent, none is awaited.
		assertThat(this.harness.send(Stanzas.chat("alice@localhost/a", "bot.test", "!double 21"))).singleMessage()
			.hasBody("42");
	}

}
