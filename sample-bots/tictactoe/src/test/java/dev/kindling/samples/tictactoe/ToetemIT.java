package dev.kindling.samples.tictactoe;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StandardExtensionElement;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.packet.UnparsedIQ;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import dev.kindling.connection.ComponentConnection;
import dev.kindling.connection.ConnectionState;
import dev.kindling.devserver.ProsodyServer;
import dev.kindling.test.XmppTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The referee as a newcomer runs it: on the dev server (a real Prosody started by the
 * application), two Smack clients logged in as demo users play a full game to a win.
 */
@SpringBootTest(webEnvironment = WebEnvironment.NONE)
class ToetemIT {

	private static final String REFEREE = "toetem.localhost";

	private static final Pattern ATTRIBUTE = Pattern.compile("(\\w+)=['\"]([^'\"]*)['\"]");

	@Autowired
	ProsodyServer devServer;

	@Autowired
	ComponentConnection connection;

	@Autowired
	GameReload reload;

	@BeforeEach
	void connected() {
		await().atMost(Duration.ofSeconds(10)).until(() -> this.connection.getState() == ConnectionState.CONNECTED);
		// Until the stored games are back, game requests are refused with a wait error.
		await().atMost(Duration.ofSeconds(10)).until(this.reload::isLoaded);
	}

	@Test
	void twoPlayersPlayAFullGameToAWin() throws Exception {
		try (XmppTestClient alice = XmppTestClient.login(this.devServer, "alice", "alice");
				XmppTestClient bob = XmppTestClient.login(this.devServer, "bob", "bob")) {
			bob.request(request("join", ""));
			String started = content(alice.request(request("start", "opponent='bob@localhost'")));
			String id = attribute(started, "id");
			assertThat(attribute(started, "x")).isEqualTo("alice@localhost");
			assertThat(attribute(started, "o")).isEqualTo("bob@localhost");
			assertBothSee(alice, bob, id, "---------", "playing");

			play(alice, bob, id, alice, 4, "----X----");
			// Bob tries to take the centre: refused, and nobody hears of it.
			assertThatExceptionOfType(XMPPException.XMPPErrorException.class)
				.isThrownBy(() -> bob.request(request("move", "game='" + id + "' cell='4'")))
				.satisfies((ex) -> assertThat(ex.getStanzaError().getCondition())
					.isEqualTo(StanzaError.Condition.not_acceptable));
			assertThatExceptionOfType(XMPPException.XMPPErrorException.class)
				.isThrownBy(() -> alice.request(request("move", "game='" + id + "' cell='0'")))
				.satisfies((ex) -> assertThat(ex.getStanzaError().getCondition())
					.isEqualTo(StanzaError.Condition.not_allowed));
			play(alice, bob, id, bob, 0, "O---X----");
			play(alice, bob, id, alice, 2, "O-X-X----");
			play(alice, bob, id, bob, 1, "OOX-X----");

			String won = content(alice.request(request("move", "game='" + id + "' cell='6'")));
			assertThat(attribute(won, "board")).isEqualTo("OOX-X-X--");
			assertThat(attribute(won, "status")).isEqualTo("x-won");
			assertThat(attribute(won, "winner")).isEqualTo("alice@localhost");
			for (XmppTestClient player : new XmppTestClient[] { alice, bob }) {
				Message result = awaitEvent(player);
				assertThat(result.getBody()).contains("alice@localhost (X) wins");
				assertThat(game(result).getAttributeValue("status")).isEqualTo("x-won");
			}
			assertThatExceptionOfType(XMPPException.XMPPErrorException.class)
				.isThrownBy(() -> bob.request(request("move", "game='" + id + "' cell='8'")))
				.satisfies((ex) -> assertThat(ex.getStanzaError().getCondition())
					.isEqualTo(StanzaError.Condition.unexpected_request));
			assertThat(alice.pendingMessages()).isZero();
			assertThat(bob.pendingMessages()).isZero();
		}
	}

	private static void play(XmppTestClient alice, XmppTestClient bob, String id, XmppTestClient mover, int cell,
			String board) throws XMPPException.XMPPErrorException {
		String answer = content(mover.request(request("move", "game='" + id + "' cell='" + cell + "'")));
		assertThat(attribute(answer, "board")).isEqualTo(board);
		assertBothSee(alice, bob, id, board, "playing");
	}

	private static void assertBothSee(XmppTestClient alice, XmppTestClient bob, String id, String board, String status) {
		for (XmppTestClient player : new XmppTestClient[] { alice, bob }) {
			StandardExtensionElement game = game(awaitEvent(player));
			assertThat(game.getAttributeValue("id")).isEqualTo(id);
			assertThat(game.getAttributeValue("board")).isEqualTo(board);
			assertThat(game.getAttributeValue("status")).isEqualTo(status);
		}
	}

	/** The next game event, past the room invitation (ToetemRoomsIT tests that). */
	private static Message awaitEvent(XmppTestClient player) {
		Message message = player.awaitMessage();
		while (message.getExtensionElement("game", Toetem.NAMESPACE) == null) {
			message = player.awaitMessage();
		}
		return message;
	}

	private static StandardExtensionElement game(Message event) {
		Object game = event.getExtensionElement("game", Toetem.NAMESPACE);
		assertThat(game).as(event.toXML().toString()).isInstanceOf(StandardExtensionElement.class);
		return (StandardExtensionElement) game;
	}

	/** The answer's child as the server sent it (Smack keeps an unknown child unparsed). */
	private static String content(IQ answer) {
		assertThat(answer).isInstanceOf(UnparsedIQ.class);
		return ((UnparsedIQ) answer).getContent().toString();
	}

	private static String attribute(String xml, String name) {
		Matcher matcher = ATTRIBUTE.matcher(xml.substring(xml.indexOf("<game")));
		while (matcher.find()) {
			if (matcher.group(1).equals(name)) {
				return matcher.group(2);
			}
		}
		return null;
	}

	/** A {@code set} to the referee with one protocol element carrying the given attributes. */
	private static IQ request(String element, String attributes) {
		IQ iq = new IQ(element, Toetem.NAMESPACE) {
			@Override
			protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
				xml.append(attributes.isEmpty() ? "" : " " + attributes);
				xml.setEmptyElement();
				return xml;
			}
		};
		iq.setType(IQ.Type.set);
		iq.setTo(XmppTestClient.jid(REFEREE));
		return iq;
	}

}
