package dev.kindling.test.autoconfigure.kit;

import java.util.ArrayList;
import java.util.List;

import org.dom4j.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.xmpp.packet.IQ;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;

import dev.kindling.connection.ComponentConnection;
import dev.kindling.devserver.ProsodyServer;
import dev.kindling.dispatch.StanzaDispatcher;
import dev.kindling.disco.DiscoHandlers;
import dev.kindling.test.SentStanzas;
import dev.kindling.test.Stanzas;
import dev.kindling.test.XmppTestHarness;
import dev.kindling.test.autoconfigure.XmppComponentTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stanzas given to the harness go through production's dispatch: per-sender ordering, asynchronous
 * replies, built-in answers, the observer seam; the slice holds only the handler beans.
 */
@XmppComponentTest
@Import(RecordingObserver.class)
class HarnessDispatchTests {

	@Autowired
	XmppTestHarness harness;

	@Autowired
	ApplicationContext context;

	@Autowired
	RecordingObserver observer;

	@Test
	void keepsEachSendersOrderWhileSendersRunInParallel() {
		for (int i = 0; i < 100; i++) {
			this.harness.sendNoWait(Stanzas.chat("alice@localhost/a", "slow@bot.test", "a" + i));
			this.harness.sendNoWait(Stanzas.chat("bob@localhost/b", "slow@bot.test", "b" + i));
		}
		this.harness.awaitIdle();

		SentStanzas sent = this.harness.sent();
		assertThat(bodiesTo(sent, "alice@localhost/a")).containsExactlyElementsOf(numbered("a"));
		assertThat(bodiesTo(sent, "bob@localhost/b")).containsExactlyElementsOf(numbered("b"));
	}

	@Test
	void sendWaitsForAnAsynchronousReply() {
		assertThat(this.harness.send(Stanzas.chat("alice@localhost/a", "later@bot.test", "hi"))).singleMessage()
			.isTo("alice@localhost/a").isFrom("later@bot.test").hasBody("later: hi");
	}

	@Test
	void sendReturnsWhatThisStanzaCausedAndSentKeepsEverything() {
		this.harness.send(Stanzas.chat("alice@localhost/a", "slow@bot.test", "one"));
		assertThat(this.harness.send(Stanzas.chat("alice@localhost/a", "slow@bot.test", "two"))).singleMessage()
			.hasBody("two");
		assertThat(this.harness.sent()).hasSize(2).bodies().containsExactly("one", "two");
	}

	@Test
	void builtInAnswersAnswer() {
		IQ ping = Stanzas.iqGet("alice@localhost/a", "bot.test", "<ping xmlns='urn:xmpp:ping'/>");
		assertThat(this.harness.send(ping)).singleIq().isResult().hasId(ping.getID()).isTo("alice@localhost/a");

		IQ info = Stanzas.iqGet("alice@localhost/a", "bot.test", "<query xmlns='" + DiscoHandlers.INFO + "'/>");
		assertThat(this.harness.send(info)).singleIq().isResult().hasChild("query", DiscoHandlers.INFO)
			.child().extracting(Element::asXML).asString().contains("urn:test:fail", "urn:xmpp:ping");
	}

	@Test
	void stanzasPassTheProductionObserverSeam() {
		Message hello = Stanzas.chat("alice@localhost/a", "slow@bot.test", "hello");
		this.observer.events.clear();

		this.harness.send(hello);

		assertThat(this.observer.events).containsExactly("received " + hello.getID(),
				"handled " + hello.getID() + " by KitHandlers.slow(String)", "sent " + hello.getID());
	}

	@Test
	void sliceHoldsHandlersAndKindlingButNoServerAndNoOtherBeans() {
		assertThat(this.context.getBeansOfType(KitHandlers.class)).hasSize(1);
		assertThat(this.context.getBeansOfType(DiscoClientHandlers.class)).hasSize(1);
		assertThat(this.context.getBeansOfType(UnrelatedService.class)).isEmpty();
		assertThat(this.context.getBeansOfType(ProsodyServer.class)).isEmpty();
		assertThat(this.context.getBeansOfType(StanzaDispatcher.class)).hasSize(1);
		ComponentConnection connection = this.context.getBean(ComponentConnection.class);
		assertThat(connection.getEndpoint().host()).isEqualTo("in-memory");
		assertThat(connection.getEndpoint().domain()).isEqualTo("bot.test");
		assertThat(this.harness.componentJid().toString()).isEqualTo("bot.test");
	}

	private static List<String> bodiesTo(SentStanzas sent, String to) {
		return sent.messages().stream().filter((message) -> message.getTo().toString().equals(to))
			.map(Message::getBody).toList();
	}

	private static List<String> numbered(String prefix) {
		List<String> bodies = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			bodies.add(prefix + i);
		}
		return bodies;
	}

}
