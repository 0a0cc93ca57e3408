package dev.kindling.test.autoconfigure.kit;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.util.ReflectionUtils;

import dev.kindling.handler.Body;
import dev.kindling.handler.Command;
import dev.kindling.handler.HandlerRegistrar;
import dev.kindling.handler.HandlerRegistration;
import dev.kindling.handler.MessageType;
import dev.kindling.handler.OnMessage;
import dev.kindling.test.Stanzas;
import dev.kindling.test.XmppTestHarness;
import dev.kindling.test.autoconfigure.XmppComponentTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Handlers registered in code bind, rank and answer like annotated ones. */
@XmppComponentTest
@Import(HandlerRegistrarTests.Registrations.class)
class HandlerRegistrarTests {

	private static final String ALICE = "alice@localhost/a";

	@Autowired
	XmppTestHarness harness;

	@Test
	void aMethodMappedInCodeIsACommandWithItsArgumentsAndHelp() {
		assertThat(this.harness.send(Stanzas.chat(ALICE, "bot.test", "!shout hello there"))).singleMessage()
			.hasBody("HELLO THERE");
		assertThat(this.harness.send(Stanzas.chat(ALICE, "bot.test", "!help shout"))).singleMessage()
			.hasBody("!shout <text…>\nShouts\n  text: any text");
	}

	@Test
	void aMethodOfAnObjectThatIsNoBeanIsMappedByItsOwnAnnotation() {
		assertThat(this.harness.send(Stanzas.chat(ALICE, "bot.test", "whisper: Hi"))).singleMessage().hasBody("hi");
	}

	static class Loudness {

		String shout(String text) {
			return text.toUpperCase();
		}

		@OnMessage(type = MessageType.CHAT, body = "whisper: .*")
		String whisper(@Body String body) {
			return body.substring("whisper: ".length()).toLowerCase();
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Registrations {

		@Bean
		HandlerRegistrar loudnessHandlers() {
			Loudness loudness = new Loudness();
			return (registration) -> registration
				.add(loudness, ReflectionUtils.findMethod(Loudness.class, "shout", String.class),
						HandlerRegistration.mapping(Command.class, Map.of("description", "Shouts")))
				.add(loudness, ReflectionUtils.findMethod(Loudness.class, "whisper", String.class));
		}

	}

}
