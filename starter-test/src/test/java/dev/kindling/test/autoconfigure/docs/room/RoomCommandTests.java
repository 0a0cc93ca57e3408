package dev.kindling.test.autoconfigure.docs.room;

// tag::test[]
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.kindling.test.Stanzas;
import dev.kindling.test.XmppTestHarness;
import dev.kindling.test.autoconfigure.XmppComponentTest;

import static org.assertj.core.api.Assertions.assertThat;

@XmppComponentTest
class RoomCommandTests {

	@Autowired
	XmppTestHarness harness;

	@Test
	void answersPingInTheRoom() {
		var ping = Stanzas.groupchat("room@conference.localhost/alice", "bot@bot.test", "!ping");

		assertThat(harness.send(ping)).singleMessage()
			.isGroupchat().isTo("room@conference.localhost").hasBody("pong");
	}
}
// end::test[]
