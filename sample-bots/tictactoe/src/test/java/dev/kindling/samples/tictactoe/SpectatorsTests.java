package dev.kindling.samples.tictactoe;

import org.junit.jupiter.api.Test;
import org.xmpp.packet.JID;
import org.xmpp.packet.PacketError;
import org.xmpp.packet.PacketError.Condition;

import dev.kindling.XmppErrorException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The spectators alone: bounded per game, forgotten when they go offline. */
class SpectatorsTests {

	private static final JID ALICE = new JID("alice@localhost/phone");

	private static final JID BOB = new JID("bob@localhost/laptop");

	@Test
	void aGameHasABoundedNumberOfSpectators() {
		GameRegistry registry = new GameRegistry();
		registry.join(BOB);
		String id = registry.start(ALICE, BOB).id();
		Spectators spectators = new Spectators(registry);
		for (int i = 0; i < Spectators.MAX_PER_GAME; i++) {
			spectators.watch(id, new JID("fan" + i + "@localhost/web"));
		}

		assertThatExceptionOfType(XmppErrorException.class)
			.isThrownBy(() -> spectators.watch(id, new JID("one-too-many@localhost/web")))
			.satisfies((ex) -> {
				assertThat(ex.getCondition()).isEqualTo(Condition.resource_constraint);
				assertThat(ex.getType()).isEqualTo(PacketError.Type.wait);
			});
		spectators.watch(id, new JID("fan0@localhost/web"));
		assertThat(spectators.of(id)).hasSize(Spectators.MAX_PER_GAME);

		spectators.drop(new JID("fan0@localhost/web"));
		spectators.watch(id, new JID("one-too-many@localhost/web"));
		assertThat(spectators.of(id)).hasSize(Spectators.MAX_PER_GAME).contains(new JID("one-too-many@localhost/web"));
	}

}
