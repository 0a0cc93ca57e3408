package dev.kindling.template;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;

import dev.kindling.connection.OutboundQueue;
import dev.kindling.connection.StanzaWriter;
import dev.kindling.connection.TestOutboundQueues;
import dev.kindling.observe.StanzaObserver;

import static org.assertj.core.api.Assertions.assertThat;

/** What the writer thread gets from the template: never the caller's own stanza, unless handed over. */
class DefaultXmppTemplateTests {

	private final OutboundQueue outbound = TestOutboundQueues.open(16);

	private final DefaultXmppTemplate template = new DefaultXmppTemplate("bot.example.com", this.outbound,
			new PendingRequests(16, StanzaObserver.NONE), Duration.ofSeconds(5));

	@Test
	void changingAStanzaAfterSendDoesNotChangeWhatIsWritten() {
		Message message = chat("first");

		this.template.send(message);
		message.setBody("changed after send");
		message.setTo(new JID("mallory@example.com"));
		message.addChildElement("active", "http://jabber.org/protocol/chatstates");

		List<Packet> queued = TestOutboundQueues.takeAll(this.outbound);
		assertThat(queued).singleElement().isNotSameAs(message);
		assertThat(written(queued.get(0))).isEqualTo(
				"<message type=\"chat\" to=\"alice@example.com/phone\" from=\"bot.example.com\"><body>first</body></message>");
	}

	@Test
	void sendFillsInTheCallersMissingFromBeforeCopying() {
		Message message = chat("hello");

		this.template.send(message);

		assertThat(message.getFrom()).isEqualTo(new JID("bot.example.com"));
		assertThat(TestOutboundQueues.takeAll(this.outbound).get(0).getFrom()).isEqualTo(new JID("bot.example.com"));
	}

	@Test
	void aStanzaSentWithoutCopyIsQueuedAsItIs() {
		Message reply = chat("built for this reply");

		this.template.sendWithoutCopy(reply);

		assertThat(TestOutboundQueues.takeAll(this.outbound)).singleElement().isSameAs(reply);
	}

	@Test
	void aMarkGoesInFrontOfEveryIdAndEveryRequestsIdWhileThereIsOne() {
		AtomicReference<String> mark = new AtomicReference<>("");
		assertThat(this.template.nextId()).startsWith("k");
		this.template.setIdMark(mark::get);
		assertThat(this.template.nextId()).startsWith("k");

		mark.set("r3.");
		assertThat(this.template.nextId()).startsWith("r3.k");
		IQ numberedByTinder = new IQ(IQ.Type.get);
		numberedByTinder.setTo("example.com");
		String tinderId = numberedByTinder.getID();
		this.template.request(numberedByTinder);
		IQ marked = new IQ(IQ.Type.get, "r3.mine");
		marked.setTo("example.com");
		this.template.request(marked);

		assertThat(TestOutboundQueues.takeAll(this.outbound)).extracting(Packet::getID)
			.containsExactly("r3." + tinderId, "r3.mine");
	}

	private static Message chat(String body) {
		Message message = new Message();
		message.setType(Message.Type.chat);
		message.setTo(new JID("alice@example.com/phone"));
		message.setBody(body);
		return message;
	}

	private static String written(Packet stanza) {
		StringBuilder out = new StringBuilder();
		new StanzaWriter().write(stanza.getElement(), out);
		return out.toString();
	}

}
