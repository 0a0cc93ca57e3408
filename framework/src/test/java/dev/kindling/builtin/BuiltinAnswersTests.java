package dev.kindling.builtin;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.dom4j.Element;
import org.junit.jupiter.api.Test;
import org.xmpp.packet.IQ;
import org.xmpp.packet.PacketError.Condition;

import dev.kindling.routing.StanzaRouter;
import dev.kindling.testsupport.CapturingXmppTemplate;
import dev.kindling.testsupport.Stanzas;
import dev.kindling.testsupport.TestRouting;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ping, software version and entity time, each answering through the real routing.
 */
class BuiltinAnswersTests {

	private static final String USER = "alice@example.com/phone";

	private static final String BOT = "bot.example.com";

	private static final Instant NOW = Instant.parse("2024-03-01T10:15:30.123456Z");

	private final CapturingXmppTemplate template = new CapturingXmppTemplate(BOT);

	@Test
	void aPingGetsExactlyOneEmptyResult() {
		IQ ping = Stanzas.get(USER, BOT, "ping", PingHandler.NAMESPACE);

		router(new PingHandler()).route(ping);

		IQ result = (IQ) this.template.single();
		assertThat(result.getType()).isEqualTo(IQ.Type.result);
		assertThat(result.getID()).isEqualTo(ping.getID());
		assertThat(result.getTo()).isEqualTo(ping.getFrom());
		assertThat(result.getChildElement()).isNull();
	}

	@Test
	void aPingSetIsNotServed() {
		router(new PingHandler()).route(Stanzas.iq(IQ.Type.set, USER, BOT, "ping", PingHandler.NAMESPACE));

		assertThat(this.template.single().getError().getCondition()).isEqualTo(Condition.service_unavailable);
	}

	@Test
	void versionAnswersNameVersionAndOs() {
		router(new SoftwareVersionHandler("Referee", "1.2.3", "Linux")).route(version());

		Element query = answer();
		assertThat(query.getName()).isEqualTo("query");
		assertThat(query.getNamespaceURI()).isEqualTo(SoftwareVersionHandler.NAMESPACE);
		assertThat(query.elements()).extracting(Element::getName).containsExactly("name", "version", "os");
		assertThat(query.elementText("name")).isEqualTo("Referee");
		assertThat(query.elementText("version")).isEqualTo("1.2.3");
		assertThat(query.elementText("os")).isEqualTo("Linux");
		assertThat(query.element("name").getNamespaceURI()).isEqualTo(SoftwareVersionHandler.NAMESPACE);
	}

	@Test
	void versionKeepsTheOsPrivateUnlessGiven() {
		router(new SoftwareVersionHandler("Referee", "1.2.3", null)).route(version());

		assertThat(answer().elements()).extracting(Element::getName).containsExactly("name", "version");
	}

	@Test
	void timeAnswersTheOffsetAndUtcInXep0082Format() {
		Clock clock = Clock.fixed(NOW, ZoneOffset.ofHours(2));

		router(new EntityTimeHandler(clock)).route(time());

		Element time = answer();
		assertThat(time.getName()).isEqualTo("time");
		assertThat(time.getNamespaceURI()).isEqualTo(EntityTimeHandler.NAMESPACE);
		assertThat(time.elementText("tzo")).isEqualTo("+02:00");
		assertThat(time.elementText("utc")).isEqualTo("2024-03-01T10:15:30.123Z");
		assertThat(time.element("utc").getNamespaceURI()).isEqualTo(EntityTimeHandler.NAMESPACE);
	}

	@Test
	void timeInUtcAndWestOfUtc() {
		router(new EntityTimeHandler(Clock.fixed(Instant.parse("2024-03-01T10:15:30Z"), ZoneId.of("UTC")))).route(time());
		Element utc = answer();
		assertThat(utc.elementText("tzo")).isEqualTo("+00:00");
		assertThat(utc.elementText("utc")).isEqualTo("2024-03-01T10:15:30Z");

		this.template.clear();
		router(new EntityTimeHandler(Clock.fixed(NOW, ZoneId.of("America/New_York")))).route(time());
		Element west = answer();
		assertThat(west.elementText("tzo")).isEqualTo("-05:00");
		assertThat(west.elementText("utc")).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{3})?Z");
	}

	private StanzaRouter router(Object handler) {
		return TestRouting.router(this.template, handler);
	}

	private static IQ version() {
		return Stanzas.get(USER, BOT, "query", SoftwareVersionHandler.NAMESPACE);
	}

	private static IQ time() {
		return Stanzas.get(USER, BOT, "time", EntityTimeHandler.NAMESPACE);
	}

	private Element answer() {
		IQ result = (IQ) this.template.single();
		assertThat(result.getType()).isEqualTo(IQ.Type.result);
		return result.getChildElement();
	}

}
