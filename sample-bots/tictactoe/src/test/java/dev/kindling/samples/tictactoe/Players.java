package dev.kindling.samples.tictactoe;

import java.util.UUID;

import org.dom4j.Element;
import org.xmpp.packet.IQ;
import org.xmpp.packet.Message;

import dev.kindling.test.SentStanzas;
import dev.kindling.test.Stanzas;
import dev.kindling.test.XmppTestHarness;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three clients of their own (alice plays X, bob O, carol watches) talking to the referee through
 * the harness: the registry lives as long as the cached context, so each test gets new users.
 */
final class Players {

	static final String NS = Toetem.NAMESPACE;

	final String alice;

	final String bob;

	final String carol;

	private final XmppTestHarness harness;

	Players(XmppTestHarness harness) {
		this.harness = harness;
		String tag = UUID.randomUUID().toString().substring(0, 8);
		this.alice = "alice-" + tag + "@localhost/phone";
		this.bob = "bob-" + tag + "@localhost/laptop";
		this.carol = "carol-" + tag + "@localhost/tablet";
	}

	/** Bob waits, Alice starts: Alice plays X. Returns the game's id. */
	String start() {
		set(this.bob, "<join xmlns='" + NS + "'/>");
		return result(set(this.alice, "<start xmlns='" + NS + "' opponent='" + bare(this.bob) + "'/>"), this.alice)
			.attributeValue("id");
	}

	SentStanzas move(String player, String id, int cell) {
		return set(player, "<move xmlns='" + NS + "' game='" + id + "' cell='" + cell + "'/>");
	}

	SentStanzas watch(String spectator, String id) {
		return set(spectator, "<watch xmlns='" + NS + "' game='" + id + "'/>");
	}

	SentStanzas unwatch(String spectator, String id) {
		return set(spectator, "<unwatch xmlns='" + NS + "' game='" + id + "'/>");
	}

	Element state(String id) {
		return result(this.harness.send(Stanzas.iqGet(this.alice, "bot.test", "<game xmlns='" + NS + "' id='" + id + "'/>")),
				this.alice);
	}

	SentStanzas set(String from, String child) {
		return this.harness.send(Stanzas.iqSet(from, "bot.test", child));
	}

	/** The {@code <game/>} of the first stanza, a result to {@code to}. */
	static Element result(SentStanzas sent, String to) {
		IQ result = sent.iqs().get(0);
		assertThat(result.getType()).as(result.toXML()).isEqualTo(IQ.Type.result);
		assertThat(result.getTo().toString()).isEqualTo(to);
		Element game = result.getChildElement();
		assertThat(game.getName()).isEqualTo("game");
		assertThat(game.getNamespaceURI()).isEqualTo(NS);
		return game;
	}

	static Element game(Message event) {
		Element game = event.getChildElement("game", NS);
		assertThat(game).as(event.toXML()).isNotNull();
		return game;
	}

	static String bare(String jid) {
		return jid.substring(0, jid.indexOf('/'));
	}

}
