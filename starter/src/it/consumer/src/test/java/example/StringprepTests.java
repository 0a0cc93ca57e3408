package example;

import org.junit.jupiter.api.Test;
import org.xmpp.packet.JID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StringprepTests {

	@Test
	void jidsArePreparedWithTheLibidnOnTheClasspath() {
		assertEquals("alice@localhost/Res", new JID("Alice@LocalHost/Res").toString());
		assertThrows(IllegalArgumentException.class, () -> new JID("bad user@localhost"));
	}

}
