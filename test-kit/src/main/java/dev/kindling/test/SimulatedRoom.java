package dev.kindling.test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.dom4j.Element;
import org.jspecify.annotations.Nullable;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;
import org.xmpp.packet.Presence;

import dev.kindling.muc.Affiliation;
import dev.kindling.muc.Role;

/**
 * A multi-user chat room (XEP-0045) played by the harness, for testing room behaviour without
 * hand-written MUC presences. It answers the join presence the bot sent (for a room in
 * {@code xmpp.muc.rooms}, when the component connected; or from {@code MucRooms.join}) the way a
 * MUC service does: the occupants already there, the bot's own presence with status 110, the
 * subject. Then occupants arrive, leave, change role or nick and talk, each as the room would
 * deliver it to the bot. Every method waits until the component is idle and returns what it wrote
 * meanwhile, like {@link XmppTestHarness#send}.
 *
 * <p>Get one with {@link XmppTestHarness#room(String)}. Before each test the harness takes the bot
 * out of the rooms it joined here, so every test starts with a {@link #join}.
 */
public final class SimulatedRoom {

	private static final String MUC_USER = "http://jabber.org/protocol/muc#user";

	private final XmppTestHarness harness;

	private final JID room;

	// Guarded by this.
	private final Map<String, Member> occupants = new LinkedHashMap<>();

	// Guarded by this: the bot's last join presence to this room, and whether the room answered it.
	private @Nullable Presence join;

	private boolean joined;

	SimulatedRoom(XmppTestHarness harness, JID room) {
		this.harness = harness;
		this.room = room;
	}

	/** The room's bare address, e.g. {@code lobby@conference.localhost}. */
	public String jid() {
		return this.room.toBareJID();
	}

	/** An occupant's address in the room, {@code room@service/nick}: where its stanzas come from. */
	public String occupantJid(String nick) {
		return new JID(this.room.getNode(), this.room.getDomain(), nick).toString();
	}

	/** The bot's nick in the room, from its join presence. */
	public synchronized String botNick() {
		return requireJoinRequest().getTo().getResource();
	}

	/** The component address that is the bot's occupant (its join presence's {@code from}). */
	public synchronized String botJid() {
		return requireJoinRequest().getFrom().toString();
	}

	/** Whether the bot is in the room, as far as this room knows. */
	public synchronized boolean isJoined() {
		return this.joined;
	}

	/** The nicks of the occupants other than the bot, in order of arrival. */
	public synchronized List<String> occupants() {
		return List.copyOf(this.occupants.keySet());
	}

	/** {@link #join(Role, String...)} with the bot as a participant. */
	public SentStanzas join(String... occupants) {
		return join(Role.PARTICIPANT, occupants);
	}

	/**
	 * Answer the bot's join: the presences of {@code occupants} (participants, already in the
	 * room), then the bot's self-presence (status 110, with {@code botRole}), then the empty subject
	 * that ends a join. The bot's {@code Room} is joined afterwards; the occupants already there
	 * are not announced as {@code JOINED}, as with a real room.
	 * @throws AssertionError when the bot has not sent a join presence to this room
	 */
	public SentStanzas join(Role botRole, String... occupants) {
		List<Packet> answer = new ArrayList<>();
		synchronized (this) {
			Presence request = requireJoinRequest();
			if (this.joined) {
				// A room answers a join from scratch: first forget the occupancy of before.
				answer.add(selfUnavailable(request));
			}
			this.occupants.clear();
			for (String nick : occupants) {
				Member member = new Member(null, Role.PARTICIPANT, Affiliation.NONE);
				this.occupants.put(nick, member);
				answer.add(presence(nick, member, null));
			}
			Presence self = presence(request.getTo().getResource(), new Member(request.getFrom(), botRole,
					(botRole == Role.MODERATOR) ? Affiliation.OWNER : Affiliation.NONE), null);
			user(self).addElement("status").addAttribute("code", "110");
			answer.add(self);
			Message subject = new Message();
			subject.setType(Message.Type.groupchat);
			subject.setFrom(this.room.asBareJID());
			subject.setTo(request.getFrom());
			subject.getElement().addElement("subject");
			answer.add(subject);
			this.joined = true;
		}
		return this.harness.deliverAll(answer);
	}

	/** An occupant arrives as a participant, affiliation none. */
	public SentStanzas arrive(String nick) {
		return arrive(nick, Role.PARTICIPANT);
	}

	/** An occupant arrives with a role, affiliation none. */
	public SentStanzas arrive(String nick, Role role) {
		return arrive(nick, role, Affiliation.NONE);
	}

	/** An occupant arrives with a role and an affiliation. */
	public SentStanzas arrive(String nick, Role role, Affiliation affiliation) {
		return arrive(nick, null, role, affiliation);
	}

	/**
	 * An occupant arrives, and the room shows the bot its real address (a non-anonymous room, or
	 * the bot is a moderator).
	 */
	public SentStanzas arrive(String nick, @Nullable String realJid, Role role, Affiliation affiliation) {
		Presence presence;
		synchronized (this) {
			requireJoined("arrive");
			Member member = new Member((realJid != null) ? new JID(realJid) : null, role, affiliation);
			this.occupants.put(nick, member);
			presence = presence(nick, member, null);
		}
		return this.harness.deliverAll(List.of(presence));
	}

	/** An occupant leaves: an unavailable presence with role none. */
	public SentStanzas leave(String nick) {
		Presence presence;
		synchronized (this) {
			requireJoined("leave");
			Member member = requireOccupant(nick);
			this.occupants.remove(nick);
			presence = presence(nick, new Member(member.realJid(), Role.NONE, member.affiliation()), Presence.Type.unavailable);
		}
		return this.harness.deliverAll(List.of(presence));
	}

	/** A moderator changes an occupant's role: its presence again, with the new role. */
	public SentStanzas changeRole(String nick, Role role) {
		Presence presence;
		synchronized (this) {
			requireJoined("change a role");
			Member member = requireOccupant(nick).withRole(role);
			this.occupants.put(nick, member);
			presence = presence(nick, member, null);
		}
		return this.harness.deliverAll(List.of(presence));
	}

	/**
	 * An occupant changes its nick: unavailable under the old nick with status 303 and the new
	 * nick, then available under the new one.
	 */
	public SentStanzas changeNick(String nick, String newNick) {
		List<Packet> presences = new ArrayList<>();
		synchronized (this) {
			requireJoined("change a nick");
			Member member = requireOccupant(nick);
			Presence gone = presence(nick, member, Presence.Type.unavailable);
			Element user = user(gone);
			user.element("item").addAttribute("nick", newNick);
			user.addElement("status").addAttribute("code", "303");
			this.occupants.remove(nick);
			this.occupants.put(newNick, member);
			presences.add(gone);
			presences.add(presence(newNick, member, null));
		}
		return this.harness.deliverAll(presences);
	}

	/** An occupant says something in the room: a groupchat message from its room address. */
	public SentStanzas message(String nick, String body) {
		Message message;
		synchronized (this) {
			requireJoined("send a message");
			message = groupchat(nick, body);
		}
		return this.harness.deliverAll(List.of(message));
	}

	/**
	 * A message from the room's history, as the room sends it after a join: groupchat with a
	 * XEP-0203 {@code <delay>} stamped by the room. Handlers see it only with
	 * {@code xmpp.muc.deliver-history=true}.
	 */
	public SentStanzas history(String nick, String body, Instant sent) {
		Message message;
		synchronized (this) {
			requireJoined("replay history");
			message = groupchat(nick, body);
			message.getElement().addElement("delay", "urn:xmpp:delay")
				.addAttribute("from", this.room.toBareJID())
				.addAttribute("stamp", sent.truncatedTo(ChronoUnit.SECONDS).toString());
		}
		return this.harness.deliverAll(List.of(message));
	}

	/** An occupant writes to the bot privately through the room: a chat message from its room address. */
	public SentStanzas privateMessage(String nick, String body) {
		Message message;
		synchronized (this) {
			requireJoined("send a private message");
			message = Stanzas.chat(occupantJid(nick), botJid(), body);
			message.addChildElement("x", MUC_USER);
		}
		return this.harness.deliverAll(List.of(message));
	}

	/** An occupant changes the subject. */
	public SentStanzas changeSubject(String nick, String subject) {
		Message message;
		synchronized (this) {
			requireJoined("change the subject");
			message = new Message();
			message.setType(Message.Type.groupchat);
			message.setFrom(new JID(occupantJid(nick)));
			message.setTo(requireJoinRequest().getFrom());
			message.setSubject(subject);
		}
		return this.harness.deliverAll(List.of(message));
	}

	/** The bot wrote a presence to this room: a join (with the MUC namespace) or a leave. */
	synchronized void botPresence(Presence presence) {
		if (presence.getType() == Presence.Type.unavailable) {
			this.joined = false;
			this.occupants.clear();
		}
		else if (presence.getType() == null && presence.getChildElement("x", "http://jabber.org/protocol/muc") != null) {
			this.join = presence.createCopy();
			this.joined = false;
			this.occupants.clear();
		}
	}

	/** Before each test: the bot out of the room, without a trace in what it sees as events. */
	synchronized @Nullable Presence reset() {
		Presence out = (this.joined && this.join != null) ? selfUnavailable(this.join) : null;
		this.joined = false;
		this.occupants.clear();
		return out;
	}

	private Presence selfUnavailable(Presence request) {
		Presence out = presence(request.getTo().getResource(), new Member(request.getFrom(), Role.NONE, Affiliation.NONE),
				Presence.Type.unavailable);
		user(out).addElement("status").addAttribute("code", "110");
		return out;
	}

	private Message groupchat(String nick, String body) {
		return Stanzas.groupchat(occupantJid(nick), botJid(), body);
	}

	private Presence presence(String nick, Member member, Presence.@Nullable Type type) {
		Presence presence = new Presence();
		if (type != null) {
			presence.setType(type);
		}
		presence.setFrom(new JID(occupantJid(nick)));
		presence.setTo(requireJoinRequest().getFrom());
		Element item = presence.addChildElement("x", MUC_USER).addElement("item")
			.addAttribute("affiliation", name(member.affiliation()))
			.addAttribute("role", name(member.role()));
		if (member.realJid() != null) {
			item.addAttribute("jid", member.realJid().toString());
		}
		return presence;
	}

	private static Element user(Packet stanza) {
		return stanza.getElement().element(org.dom4j.QName.get("x", MUC_USER));
	}

	private static String name(Enum<?> value) {
		return value.name().toLowerCase(Locale.ROOT);
	}

	private Presence requireJoinRequest() {
		Presence request = this.join;
		if (request == null) {
			throw new AssertionError("The component has not asked to join " + jid() + ". Configure the room (e.g. "
					+ "properties = \"xmpp.muc.rooms[0].jid=" + jid() + "\") or join it with MucRooms.join(...) first.");
		}
		return request;
	}

	private void requireJoined(String action) {
		requireJoinRequest();
		if (!this.joined) {
			throw new AssertionError("The bot is not in " + jid() + ", so no occupant can " + action
					+ " there: call join() first.");
		}
	}

	private Member requireOccupant(String nick) {
		Member member = this.occupants.get(nick);
		if (member == null) {
			throw new AssertionError("No occupant '" + nick + "' in " + jid() + "; occupants: " + this.occupants.keySet());
		}
		return member;
	}

	private record Member(@Nullable JID realJid, Role role, Affiliation affiliation) {

		Member withRole(Role role) {
			return new Member(this.realJid, role, this.affiliation);
		}

	}

}
