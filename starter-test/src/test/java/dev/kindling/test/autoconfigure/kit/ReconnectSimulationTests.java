package dev.kindling.test.autoconfigure.kit;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;

import dev.kindling.StanzaNotSentException;
import dev.kindling.connection.ComponentConnection;
import dev.kindling.connection.ConnectionState;
import dev.kindling.test.Stanzas;
import dev.kindling.test.XmppTestHarness;
import dev.kindling.test.autoconfigure.XmppComponentTest;
import dev.kindling.template.XmppTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Connection loss and reconnect run through the real ComponentConnection: its events reach
 * listeners (a room rejoin here), the outbound queue closes and reopens.
 */
@XmppComponentTest
@Import(RoomRejoiner.class)
class ReconnectSimulationTests {

	@Autowired
	XmppTestHarness harness;

	@Autowired
	RoomRejoiner rejoiner;

	@Autowired
	ComponentConnection connection;

	@Autowired
	XmppTemplate template;

	@Test
	void aReconnectRejoinsTheRoom() {
		long connectsBefore = this.connection.getStatus().connects();
		int lossesBefore = this.rejoiner.losses.size();

		this.harness.reconnect();

		assertThat(this.harness.sent()).singlePresence().isAvailable().isFrom("bot@bot.test").isTo(RoomRejoiner.OCCUPANT);
		assertThat(this.rejoiner.connects).first().isEqualTo(false);
		assertThat(this.rejoiner.connects).last().isEqualTo(true);
		assertThat(this.rejoiner.losses).hasSize(lossesBefore + 1);
		assertThat(this.rejoiner.losses.get(lossesBefore)).hasMessageContaining("simulated");
		assertThat(this.connection.getStatus().connects()).isEqualTo(connectsBefore + 1);
	}

	@Test
	void whileTheConnectionIsLostNothingFlows() {
		CompletableFuture<IQ> pending = this.template.request(
				Stanzas.iqGet("bot.test", "pubsub.localhost", "<query xmlns='http://jabber.org/protocol/disco#info'/>"));

		this.harness.loseConnection();

		assertThat(this.connection.getState()).isEqualTo(ConnectionState.BACKOFF);
		assertThat(this.harness.isConnected()).isFalse();
		assertThat(pending).failsWithin(Duration.ofSeconds(2)).withThrowableThat()
			.withCauseInstanceOf(StanzaNotSentException.class);
		assertThatExceptionOfType(StanzaNotSentException.class)
			.isThrownBy(() -> this.template.sendMessage(new JID("alice@localhost"), "hello?"));
		assertThatIllegalStateException()
			.isThrownBy(() -> this.harness.send(Stanzas.chat("alice@localhost/a", "slow@bot.test", "lost")));

		this.harness.restoreConnection();

		assertThat(this.harness.send(Stanzas.chat("alice@localhost/a", "slow@bot.test", "back"))).singleMessage()
			.hasBody("back");
	}

	@Test
	void eachTestStartsConnected() {
		this.harness.loseConnection();
		this.harness.reset();

		assertThat(this.harness.isConnected()).isTrue();
		assertThat(this.harness.sent()).isEmpty();
	}

}
