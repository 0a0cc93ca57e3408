package dev.kindling.boot.actuate.trace;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.xmpp.packet.IQ;
import org.xmpp.packet.Message;

import dev.kindling.boot.actuate.trace.TracedStanza.Direction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class StanzaTraceTests {

	private final Clock clock = Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC);

	@Test
	void keepsStanzasInOrderWithDirectionAndTime() {
		StanzaTrace trace = new StanzaTrace(10, false, this.clock);
		trace.received(chat("hello"));
		trace.sent(chat("hello back"));

		assertThat(trace.stanzas(null)).extracting(TracedStanza::sequence, TracedStanza::direction, TracedStanza::kind,
				TracedStanza::timestamp)
			.containsExactly(tuple(1L, Direction.IN, "message", "2026-11-26T10:00:00Z"),
					tuple(2L, Direction.OUT, "message", "2026-11-26T10:00:00Z"));
		assertThat(trace.stanzas(null).get(0).xml()).contains("<body>hello</body>");
	}

	@Test
	void keepsOnlyTheLastCapacityStanzas() {
		StanzaTrace trace = new StanzaTrace(3, false, this.clock);
		for (int i = 1; i <= 7; i++) {
			trace.received(chat("m" + i));
		}

		assertThat(trace.stanzas(null)).extracting(TracedStanza::sequence).containsExactly(5L, 6L, 7L);
		assertThat(trace.stanzas(null).get(0).xml()).contains("m5");
		assertThat(trace.stanzas(5L)).extracting(TracedStanza::sequence).containsExactly(6L, 7L);
		assertThat(trace.stanzas(7L)).isEmpty();
	}

	@Test
	void masksBodiesWhenAskedWithoutChangingTheStanza() {
		StanzaTrace trace = new StanzaTrace(10, true, this.clock);
		Message message = chat("my secret plans");
		trace.received(message);

		String xml = trace.stanzas(null).get(0).xml();
		assertThat(xml).doesNotContain("my secret plans").contains("<body>" + StanzaTrace.MASK + "</body>");
		assertThat(xml).contains("to=\"bot@example.com\"");
		assertThat(message.getBody()).isEqualTo("my secret plans");
	}

	@Test
	void keepsIqPayloadsWhenMaskingBodies() {
		StanzaTrace trace = new StanzaTrace(10, true, this.clock);
		IQ iq = new IQ(IQ.Type.get);
		iq.setChildElement("query", "jabber:iq:version");
		trace.sent(iq);

		assertThat(trace.stanzas(null).get(0).xml()).contains("jabber:iq:version");
		assertThat(trace.stanzas(null).get(0).kind()).isEqualTo("iq");
	}

	private static Message chat(String body) {
		Message message = new Message();
		message.setType(Message.Type.chat);
		message.setTo("bot@example.com");
		message.setFrom("alice@example.com/phone");
		message.setBody(body);
		return message;
	}

}
