package dev.kindling.test.autoconfigure.prosody;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

import dev.kindling.devserver.ProsodyServer;
import dev.kindling.test.Stanzas;
import dev.kindling.test.XmppTestHarness;
import dev.kindling.test.autoconfigure.AutoConfigureXmppComponent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole application over the in-memory wire: the dev server stays off although the
 * application's configuration (here the test's properties) turns it on.
 */
@SpringBootTest(properties = "xmpp.dev-server.enabled=true")
@AutoConfigureXmppComponent
class InMemoryWireTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	XmppTestHarness harness;

	@Test
	void noDevServerStarts() {
		assertThat(this.context.getBeanProvider(ProsodyServer.class).getIfAvailable()).isNull();
		assertThat(OneProsodyIT.prosodyChildren()).isEmpty();
		assertThat(this.harness.send(Stanzas.chat("alice@localhost/a", "echo@bot.test", "hi"))).singleMessage()
			.hasBody("hi");
	}

}
