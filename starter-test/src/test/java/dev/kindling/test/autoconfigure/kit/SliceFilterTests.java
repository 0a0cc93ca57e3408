package dev.kindling.test.autoconfigure.kit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.xmpp.packet.PacketError.Condition;

import dev.kindling.test.Stanzas;
import dev.kindling.test.XmppTestHarness;
import dev.kindling.test.autoconfigure.XmppComponentTest;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code handlers} narrows the slice to the listed handler beans; {@code domain} renames the component. */
@XmppComponentTest(handlers = KitHandlers.class, domain = "other.test")
class SliceFilterTests {

	@Autowired
	XmppTestHarness harness;

	@Autowired
	ApplicationContext context;

	@Test
	void onlyTheListedHandlersAreRouted() {
		assertThat(this.context.getBeansOfType(DiscoClientHandlers.class)).isEmpty();
		assertThat(this.harness.send(Stanzas.chat("alice@localhost/a", "other.test", "!double 2"))).singleMessage()
			.isFrom("other.test").hasBody("4");
		assertThat(this.harness.send(Stanzas.chat("alice@localhost/a", "other.test", "!features x"))).singleMessage()
			.hasErrorCondition(Condition.service_unavailable);
		assertThat(this.harness.componentJid().toString()).isEqualTo("other.test");
	}

}
