package dev.kindling.samples.tictactoe;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.Packet;

import dev.kindling.StanzaNotSentException;
import dev.kindling.boot.autoconfigure.XmppDevServerDetails;
import dev.kindling.muc.MucRooms;
import dev.kindling.payload.PayloadMapper;
import dev.kindling.template.XmppTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Events when the component cannot send: the change stands, the answer is returned, the loss counted. */
class GameEventsTests {

	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

	@AfterEach
	void stopTimer() {
		this.timer.shutdownNow();
	}

	@Test
	void anEventThatCannotBeSentIsCountedAndTheOthersStillGoOut() {
		Outbox outbox = new Outbox("bob@localhost/laptop");
		StaticListableBeanFactory none = new StaticListableBeanFactory();
		GameAddresses addresses = new GameAddresses("toetem.example.com", false);
		GameRooms rooms = new GameRooms(
				new ToetemProperties(Duration.ofSeconds(30), new ToetemProperties.Rooms(false, null, "referee", Duration.ZERO)),
				none.getBeanProvider(MucRooms.class), none.getBeanProvider(XmppDevServerDetails.class), outbox, this.timer,
				addresses);
		GameRegistry registry = new GameRegistry();
		GameEvents events = new GameEvents(outbox, PayloadMapper.withDefaults(), new Spectators(registry), rooms,
				addresses);
		registry.join(new JID("bob@localhost/laptop"));
		Game game = registry.start(new JID("alice@localhost/phone"), new JID("bob@localhost"));

		Toetem.GameState state = events.announce(game);

		assertThat(state.status()).isEqualTo("playing");
		assertThat(outbox.sent).extracting((stanza) -> stanza.getTo().toString()).containsExactly("alice@localhost/phone");
		assertThat(outbox.sent).extracting((stanza) -> stanza.getFrom().toString())
			.containsExactly(game.id() + "@toetem.example.com");
		assertThat(state.jid()).isEqualTo(game.id() + "@toetem.example.com");
		assertThat(events.undelivered()).isEqualTo(1);
	}

	/** A template whose outbound buffer refuses stanzas to one address. */
	private static final class Outbox implements XmppTemplate {

		private final String refused;

		private final List<Packet> sent = new ArrayList<>();

		private Outbox(String refused) {
			this.refused = refused;
		}

		@Override
		public JID componentJid() {
			return new JID("toetem.example.com");
		}

		@Override
		public void send(Packet stanza) {
			if (stanza.getTo().toString().equals(this.refused)) {
				throw new StanzaNotSentException("The outbound buffer is full");
			}
			this.sent.add(stanza);
		}

		@Override
		public CompletableFuture<IQ> request(IQ request) {
			return new CompletableFuture<>();
		}

		@Override
		public CompletableFuture<IQ> request(IQ request, Duration timeout) {
			return new CompletableFuture<>();
		}

	}

}
