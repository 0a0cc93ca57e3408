package dev.kindling.samples.tictactoe;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.StandardExtensionElement;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.packet.UnparsedIQ;

import dev.kindling.devserver.EjabberdServer;
import dev.kindling.devserver.ProsodyServer;
import dev.kindling.test.XmppTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A demo user's Smack client speaking the Toetem protocol to the referee: requests, refusals, and
 * the messages it receives, picked by kind (game events, invitations, groupchat) in arrival order.
 */
final class ToetemClient implements AutoCloseable {

	static final String REFEREE = "toetem.localhost";

	private static final Pattern ATTRIBUTE = Pattern.compile("([\\w-]+)=['\"]([^'\"]*)['\"]");

	private final XmppTestClient client;

	/** Messages received but not yet asked for. */
	private final List<Message> unread = new ArrayList<>();

	private ToetemClient(XmppTestClient client) {
		this.client = client;
	}

	/** Logs in as a demo user (password = name) and sends the referee directed presence. */
	static ToetemClient login(ProsodyServer server, String user) {
		ToetemClient player = connect(server, user);
		player.client.send(player.client.connection().getStanzaFactory()
			.buildPresenceStanza()
			.ofType(Presence.Type.available)
			.to(XmppTestClient.jid(REFEREE))
			.build());
		return player;
	}

	/**
	 * Logs in as a demo user (password = name) without directed presence to the referee, as a
	 * client that knows nothing of it does: the referee never hears when it goes offline.
	 */
	static ToetemClient connect(ProsodyServer server, String user) {
		return new ToetemClient(XmppTestClient.login(server, user, user));
	}

	/** Logs in to ejabberd as a user whose password is the user name, without directed presence. */
	static ToetemClient connect(EjabberdServer server, String user) {
		return new ToetemClient(XmppTestClient.login(server, user, user));
	}

	XmppTestClient client() {
		return this.client;
	}

	/** A {@code set} (or {@code get} for {@code game}) answered with a result; its child as XML. */
	String request(String element, String attributes) {
		return request(REFEREE, element, attributes);
	}

	/** {@link #request(String, String)} to an address of the referee's: a game's own, e.g. {@code g1@toetem.localhost}. */
	String request(String to, String element, String attributes) {
		try {
			IQ answer = this.client.request(iq(to, element, attributes));
			return (answer instanceof UnparsedIQ unparsed) ? unparsed.getContent().toString() : "";
		}
		catch (XMPPException.XMPPErrorException ex) {
			throw new AssertionError("<" + element + " " + attributes + "/> was refused: " + ex.getStanzaError(), ex);
		}
	}

	/** A request the referee must refuse; its error. */
	StanzaError refused(String element, String attributes) {
		StanzaError[] error = new StanzaError[1];
		assertThatExceptionOfType(XMPPException.XMPPErrorException.class)
			.as("<%s %s/> should be refused", element, attributes)
			.isThrownBy(() -> this.client.request(iq(REFEREE, element, attributes)))
			.satisfies((ex) -> error[0] = ex.getStanzaError());
		return error[0];
	}

	/** The game's state from a query. */
	String state(String id) {
		return request("game", "id='" + id + "'");
	}

	/** The next game event (a message with {@code <game/>}). */
	StandardExtensionElement awaitEvent() {
		return game(awaitMessage(ToetemClient::isEvent));
	}

	Message awaitMessage(Predicate<Message> wanted) {
		for (Iterator<Message> it = this.unread.iterator(); it.hasNext();) {
			Message message = it.next();
			if (wanted.test(message)) {
				it.remove();
				return message;
			}
		}
		while (true) {
			Message message = this.client.awaitMessage(Duration.ofSeconds(10));
			if (wanted.test(message)) {
				return message;
			}
			this.unread.add(message);
		}
	}

	/** Game events received and not yet taken. */
	long pendingEvents() {
		while (this.client.pendingMessages() > 0) {
			this.unread.add(this.client.awaitMessage());
		}
		return this.unread.stream().filter(ToetemClient::isEvent).count();
	}

	static boolean isEvent(Message message) {
		return message.getExtensionElement("game", Toetem.NAMESPACE) != null;
	}

	static StandardExtensionElement game(Message event) {
		Object game = event.getExtensionElement("game", Toetem.NAMESPACE);
		assertThat(game).as(event.toXML().toString()).isInstanceOf(StandardExtensionElement.class);
		return (StandardExtensionElement) game;
	}

	/** An attribute of the {@code <game/>} in an answer's XML, {@code null} if it has none. */
	static String attribute(String xml, String name) {
		int game = xml.indexOf("<game");
		assertThat(game).as("a <game/> in the answer %s", xml).isNotNegative();
		Matcher matcher = ATTRIBUTE.matcher(xml.substring(game));
		while (matcher.find()) {
			if (matcher.group(1).equals(name)) {
				return matcher.group(2);
			}
		}
		return null;
	}

	private static IQ iq(String to, String element, String attributes) {
		IQ iq = new IQ(element, Toetem.NAMESPACE) {
			@Override
			protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
				xml.append(attributes.isEmpty() ? "" : " " + attributes);
				xml.setEmptyElement();
				return xml;
			}
		};
		iq.setType("game".equals(element) ? IQ.Type.get : IQ.Type.set);
		iq.setTo(XmppTestClient.jid(to));
		return iq;
	}

	@Override
	public void close() {
		this.client.close();
	}

}
