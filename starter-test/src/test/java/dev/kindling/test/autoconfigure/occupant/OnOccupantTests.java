package dev.kindling.test.autoconfigure.occupant;

import java.util.List;

import org.dom4j.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.xmpp.packet.JID;
import org.xmpp.packet.Presence;

import dev.kindling.muc.OccupantHandlers;
import dev.kindling.test.SentStanzas;
import dev.kindling.test.XmppTestHarness;
import dev.kindling.test.autoconfigure.XmppComponentTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @OnOccupant} methods run on the room's presences through the handler pipeline: arguments,
 * a returned String said in the room, exceptions to {@code @XmppExceptionHandler} and never an
 * error into the room. Each test uses its own nicks: the room's view lasts across tests.
 */
@XmppComponentTest(properties = { "xmpp.muc.rooms[0].jid=lobby@conference.localhost", "xmpp.muc.nick=bot" })
class OnOccupantTests {

	private static final String MUC_USER = "http://jabber.org/protocol/muc#user";

	@Autowired
	XmppTestHarness harness;

	@Autowired
	OccupantBot.Greeter greeter;

	@Autowired
	OccupantHandlers handlers;

	@BeforeEach
	void joinTheRoom() {
		this.harness.send(presence("bot", null, "moderator", null, 110));
		this.greeter.seen.clear();
		this.greeter.failures.clear();
	}

	@Test
	void everyOnOccupantMethodIsAnEndpoint() {
		assertThat(this.handlers.handlers()).extracting((handler) -> handler.mapping())
			.containsExactlyInAnyOrder("@OnOccupant(room=[elsewhere])", "@OnOccupant(kind=[JOINED], room=[lobby])",
					"@OnOccupant(kind=[LEFT], room=[lobby@conference.localhost])", "@OnOccupant(kind=[NICK_CHANGED])");
	}

	@Test
	void aJoinIsGreetedInTheRoom() {
		SentStanzas sent = this.harness.send(presence("alice", null, "participant", null));

		assertThat(sent).singleMessage().isGroupchat().isTo("lobby@conference.localhost").hasBody("Welcome, alice!");
		assertThat(this.greeter.seen).containsExactly("joined alice in lobby from lobby@conference.localhost/alice"
				+ " as participant (JOINED, null, previous null)");
	}

	@Test
	void aNickChangeBindsThePreviousOccupant() {
		this.harness.send(presence("carol", null, "participant", null));
		this.greeter.seen.clear();

		this.harness.send(presence("carol", Presence.Type.unavailable, "participant", "caroline", 303));
		SentStanzas sent = this.harness.send(presence("caroline", null, "participant", null));

		assertThat(sent.all()).isEmpty();
		assertThat(this.greeter.seen).containsExactly("renamed carol to caroline");
	}

	@Test
	void theOccupantThatLeftIsStillBound() {
		this.harness.send(presence("dave", null, "participant", null));
		this.greeter.seen.clear();

		this.harness.send(presence("dave", Presence.Type.unavailable, "none", null));

		assertThat(this.greeter.seen).containsExactly("left dave");
	}

	@Test
	void anExceptionGoesToTheExceptionHandlerAndNothingIntoTheRoom() {
		this.harness.send(presence("mallory", null, "participant", null));

		SentStanzas sent = this.harness.send(presence("mallory", Presence.Type.unavailable, "none", null));

		assertThat(this.greeter.failures).containsExactly("no goodbye for mallory");
		assertThat(sent.all()).isEmpty();
	}

	@Test
	void presencesFromAnotherRoomReachNoEndpoint() {
		SentStanzas sent = this.harness.send(presence(new JID("elsewhere@conference.localhost/erin"), null,
				"participant", null, List.of()));

		assertThat(sent.all()).isEmpty();
		assertThat(this.greeter.seen).isEmpty();
	}

	private static Presence presence(String nick, Presence.@org.jspecify.annotations.Nullable Type type, String role,
			@org.jspecify.annotations.Nullable String newNick, Integer... codes) {
		return presence(new JID("lobby@conference.localhost/" + nick), type, role, newNick, List.of(codes));
	}

	private static Presence presence(JID from, Presence.@org.jspecify.annotations.Nullable Type type, String role,
			@org.jspecify.annotations.Nullable String newNick, List<Integer> codes) {
		Presence presence = new Presence(type);
		presence.setFrom(from);
		presence.setTo(new JID("bot.test"));
		Element x = presence.addChildElement("x", MUC_USER);
		Element item = x.addElement("item").addAttribute("affiliation", "none").addAttribute("role", role);
		if (newNick != null) {
			item.addAttribute("nick", newNick);
		}
		for (Integer code : codes) {
			x.addElement("status").addAttribute("code", String.valueOf(code));
		}
		return presence;
	}

}
