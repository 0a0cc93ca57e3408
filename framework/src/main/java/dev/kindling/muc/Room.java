package dev.kindling.muc;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.dom4j.QName;
import org.jspecify.annotations.Nullable;
import org.xmpp.forms.DataForm;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;
import org.xmpp.packet.Presence;

import dev.kindling.builtin.PingHandler;
import dev.kindling.forms.FormBuilder;
import dev.kindling.forms.FormReader;
import dev.kindling.template.XmppTemplate;

/**
 * A room the bot is in (or wants to be in): who is there, the subject, and what the bot can do
 * there. The view is kept current from the room's presences on the room's lane; reading it is
 * safe from any thread.
 *
 * <p>Moderation and configuration are IQ requests from the bot's occupant address; each returns a
 * future that completes when the room accepted it, or exceptionally with
 * {@link dev.kindling.XmppErrorException} (e.g. {@code forbidden} or {@code not-allowed} when the
 * bot lacks the rights).
 */
public final class Room {

	/** Where the bot stands with the room. */
	public enum State {

		NOT_JOINED, JOINING, JOINED

	}

	private final RoomSpec spec;

	private final XmppTemplate template;

	private final Duration timeout;

	final Map<String, Occupant> occupants = new ConcurrentHashMap<>();

	final Map<String, CompletableFuture<Void>> pendingSubjects = new ConcurrentHashMap<>();

	// Written only by this room's RoomTracker, always under the tracker's lock (together with the
	// join under way it goes with); read without a lock, hence volatile.
	volatile State state = State.NOT_JOINED;

	volatile String nick;

	// The address that joined (or joins): the spec's, or what the placement made of it at the join.
	volatile JID occupant;

	volatile @Nullable String subject;

	Room(RoomSpec spec, XmppTemplate template, Duration timeout) {
		this.spec = spec;
		this.template = template;
		this.timeout = timeout;
		this.nick = spec.nick();
		this.occupant = spec.joinAs();
	}

	/** The room's bare JID. */
	public JID jid() {
		return this.spec.room();
	}

	public RoomSpec spec() {
		return this.spec;
	}

	/** The bot's nick in the room now (the room may have assigned another one). */
	public String nick() {
		return this.nick;
	}

	/** The component address that is the bot's occupant. */
	public JID occupantJid() {
		return this.occupant;
	}

	public State state() {
		return this.state;
	}

	public boolean isJoined() {
		return this.state == State.JOINED;
	}

	public boolean isRequired() {
		return this.spec.required();
	}

	/** The room's subject, if one is set. */
	public Optional<String> subject() {
		return Optional.ofNullable(this.subject);
	}

	/** Everyone in the room, the bot included. */
	public List<Occupant> occupants() {
		// A snapshot: the tracker alone changes the occupants, on the room's lane.
		return List.copyOf(this.occupants.values());
	}

	public Optional<Occupant> occupant(String nick) {
		return Optional.ofNullable(this.occupants.get(nick));
	}

	/** The bot's own occupant: its role and affiliation. */
	public Optional<Occupant> self() {
		return occupant(this.nick);
	}

	/** The occupant a stanza comes from, if it comes from this room's occupant. */
	public Optional<Occupant> occupantOf(Packet stanza) {
		JID from = stanza.getFrom();
		if (from == null || from.getResource() == null || !jid().toBareJID().equals(from.toBareJID())) {
			return Optional.empty();
		}
		return occupant(from.getResource());
	}

	/** Say something in the room. */
	public void send(String body) {
		Message message = groupchat();
		message.setBody(body);
		this.template.send(message);
	}

	/** Send a private message to an occupant through the room. */
	public void sendPrivate(String nick, String body) {
		Message message = new Message();
		message.setType(Message.Type.chat);
		message.setFrom(occupantJid());
		message.setTo(new JID(jid().getNode(), jid().getDomain(), nick, true));
		message.setBody(body);
		message.addChildElement("x", Muc.USER);
		this.template.send(message);
	}

	/**
	 * Change the subject; the future completes when the room shows the new subject, or fails with
	 * the room's error ({@code forbidden} when the bot may not change it).
	 */
	public CompletableFuture<Void> changeSubject(String subject) {
		Message message = groupchat();
		message.setID(UUID.randomUUID().toString());
		message.setSubject(subject);
		CompletableFuture<Void> done = new CompletableFuture<>();
		this.pendingSubjects.put(message.getID(), done);
		done.orTimeout(this.timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
			.whenComplete((ignored, ex) -> this.pendingSubjects.remove(message.getID()));
		try {
			this.template.send(message);
		}
		catch (RuntimeException ex) {
			done.completeExceptionally(ex);
		}
		return done;
	}

	/** Kick an occupant: its role becomes {@code none}. */
	public CompletableFuture<Void> kick(String nick, @Nullable String reason) {
		return setRole(nick, Role.NONE, reason);
	}

	/** Ban a user: its affiliation becomes {@code outcast}. */
	public CompletableFuture<Void> ban(JID user, @Nullable String reason) {
		return setAffiliation(user, Affiliation.OUTCAST, reason);
	}

	public CompletableFuture<Void> grantVoice(String nick) {
		return setRole(nick, Role.PARTICIPANT, null);
	}

	public CompletableFuture<Void> revokeVoice(String nick) {
		return setRole(nick, Role.VISITOR, null);
	}

	public CompletableFuture<Void> grantModerator(String nick) {
		return setRole(nick, Role.MODERATOR, null);
	}

	public CompletableFuture<Void> revokeModerator(String nick) {
		return setRole(nick, Role.PARTICIPANT, null);
	}

	public CompletableFuture<Void> grantMembership(JID user) {
		return setAffiliation(user, Affiliation.MEMBER, null);
	}

	public CompletableFuture<Void> revokeMembership(JID user) {
		return setAffiliation(user, Affiliation.NONE, null);
	}

	/** Change an occupant's role (muc#admin). */
	public CompletableFuture<Void> setRole(String nick, Role role, @Nullable String reason) {
		Element item = item(reason);
		item.addAttribute("nick", nick).addAttribute("role", role.toXmpp());
		return done(query(IQ.Type.set, Muc.ADMIN, item));
	}

	/** Change a user's affiliation (muc#admin), by bare JID. */
	public CompletableFuture<Void> setAffiliation(JID user, Affiliation affiliation, @Nullable String reason) {
		Element item = item(reason);
		item.addAttribute("jid", user.toBareJID()).addAttribute("affiliation", affiliation.toXmpp());
		return done(query(IQ.Type.set, Muc.ADMIN, item));
	}

	/** The room's configuration form (muc#owner); only owners get it. */
	public CompletableFuture<DataForm> requestConfiguration() {
		return query(IQ.Type.get, Muc.OWNER, null).thenApply((result) -> FormReader.find(result.getChildElement())
			.map(FormReader::form)
			.orElseThrow(() -> new IllegalStateException(jid() + " sent no configuration form")));
	}

	/** Submit a configuration (a {@code submit} form, e.g. from {@link FormBuilder#answering(DataForm)}). */
	public CompletableFuture<Void> submitConfiguration(DataForm form) {
		return done(query(IQ.Type.set, Muc.OWNER, form.getElement().createCopy()));
	}

	/** Destroy the room; its occupants are told the reason. */
	public CompletableFuture<Void> destroy(@Nullable String reason) {
		Element destroy = DocumentHelper.createElement(QName.get("destroy", Muc.OWNER));
		if (reason != null) {
			destroy.addElement("reason").setText(reason);
		}
		return done(query(IQ.Type.set, Muc.OWNER, destroy));
	}

	/** Invite a user through the room (a mediated invitation); the room answers refusals with an error message. */
	public void invite(JID user, @Nullable String reason) {
		Message message = new Message();
		message.setFrom(occupantJid());
		message.setTo(jid());
		Element invite = message.addChildElement("x", Muc.USER).addElement("invite").addAttribute("to", user.toString());
		if (reason != null) {
			invite.addElement("reason").setText(reason);
		}
		this.template.send(message);
	}

	/** Send the join presence for a nick, asking for no history. */
	void sendJoin(String nick) {
		this.nick = nick;
		Presence presence = new Presence();
		presence.setFrom(occupantJid());
		presence.setTo(new JID(jid().getNode(), jid().getDomain(), nick, true));
		presence.addChildElement("x", Muc.NS).addElement("history").addAttribute("maxstanzas", "0");
		this.template.send(presence);
	}

	void sendLeave() {
		Presence presence = new Presence(Presence.Type.unavailable);
		presence.setFrom(occupantJid());
		presence.setTo(new JID(jid().getNode(), jid().getDomain(), this.nick, true));
		this.template.send(presence);
	}

	/** Unlock a room the bot created: the configured form, or the instant-room (empty) form. */
	CompletableFuture<Void> unlock() {
		DataForm form = (this.spec.configuration() != null) ? this.spec.configuration()
				: FormBuilder.submit(null).build();
		return submitConfiguration(form);
	}

	CompletableFuture<Void> selfPing(Duration timeout) {
		IQ ping = new IQ(IQ.Type.get);
		ping.setFrom(occupantJid());
		ping.setTo(new JID(jid().getNode(), jid().getDomain(), this.nick, true));
		ping.setChildElement("ping", PingHandler.NAMESPACE);
		return done(this.template.request(ping, timeout));
	}

	private Message groupchat() {
		Message message = new Message();
		message.setType(Message.Type.groupchat);
		message.setFrom(occupantJid());
		message.setTo(jid());
		return message;
	}

	private static Element item(@Nullable String reason) {
		Element item = DocumentHelper.createElement("item");
		if (reason != null) {
			item.addElement("reason").setText(reason);
		}
		return item;
	}

	private CompletableFuture<IQ> query(IQ.Type type, String namespace, @Nullable Element child) {
		IQ iq = new IQ(type);
		iq.setFrom(occupantJid());
		iq.setTo(jid());
		Element query = iq.setChildElement("query", namespace);
		if (child != null) {
			// Re-created in the query's namespace: an item belongs to muc#admin, a form keeps its own.
			if (child.getNamespaceURI().isEmpty()) {
				Element copy = query.addElement(child.getName());
				child.attributes().forEach((attribute) -> copy.addAttribute(attribute.getName(), attribute.getValue()));
				child.elements().forEach((element) -> copy.addElement(element.getName()).setText(element.getText()));
			}
			else {
				query.add(child);
			}
		}
		return this.template.request(iq);
	}

	private static CompletableFuture<Void> done(CompletableFuture<IQ> request) {
		return request.thenApply((result) -> null);
	}

	@Override
	public String toString() {
		return "Room[" + jid() + " as " + this.nick + ", " + this.state + ", " + this.occupants.size() + " occupants]";
	}

}
