package dev.kindling.muc;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.dom4j.Element;
import org.junit.jupiter.api.Test;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;
import org.xmpp.packet.PacketError;
import org.xmpp.packet.Presence;

import dev.kindling.XmppErrorException;
import dev.kindling.connection.ComponentConnectedEvent;
import dev.kindling.connection.ComponentDisconnectedEvent;
import dev.kindling.connection.ComponentEndpoint;
import dev.kindling.template.XmppTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class MucRoomsTests {

	private static final JID ROOM = new JID("lobby@conference.example.com");

	private static final JID BOT = new JID("referee@bot.example.com/bot");

	private final RecordingTemplate template = new RecordingTemplate();

	private final List<Object> events = new CopyOnWriteArrayList<>();

	private RoomTraffic traffic;

	private RoomKeeper keeper;

	private MucRooms rooms(MucSettings settings) {
		MucRooms rooms = new MucRooms(this.template, settings, this.events::add,
				List.of(RoomSpec.of(ROOM, "bot", BOT.asBareJID()).required(true)));
		this.traffic = new RoomTraffic(rooms, new Invitations(rooms, this.events::add));
		this.keeper = new RoomKeeper(rooms, this.events::add);
		this.keeper.onApplicationEvent(new ComponentConnectedEvent(this, endpoint(), "s1", 1));
		return rooms;
	}

	private MucRooms rooms() {
		return rooms(MucSettings.defaults());
	}

	private static ComponentEndpoint endpoint() {
		return new ComponentEndpoint("localhost", 5347, "bot.example.com", "secret");
	}

	private static Presence presence(String nick, String role, int... codes) {
		Presence presence = new Presence();
		presence.setFrom(new JID(ROOM.getNode(), ROOM.getDomain(), nick));
		presence.setTo(BOT);
		Element x = presence.addChildElement("x", Muc.USER);
		x.addElement("item").addAttribute("role", role).addAttribute("affiliation", "none")
			.addAttribute("jid", nick + "@example.com/phone");
		for (int code : codes) {
			x.addElement("status").addAttribute("code", Integer.toString(code));
		}
		return presence;
	}

	private static Presence gone(String nick, int... codes) {
		Presence presence = presence(nick, "none", codes);
		presence.setType(Presence.Type.unavailable);
		return presence;
	}

	private static Message groupchat(String nick, String body) {
		Message message = new Message();
		message.setType(Message.Type.groupchat);
		message.setFrom(new JID(ROOM.getNode(), ROOM.getDomain(), nick));
		message.setTo(BOT);
		message.setBody(body);
		return message;
	}

	private Room joinedRoom(MucRooms rooms) {
		this.traffic.preRoute(presence("bot", "moderator", 110));
		return rooms.room(ROOM).orElseThrow();
	}

	@Test
	void joinsAtConnectAskingForNoHistoryAndIsInOnSelfPresence() {
		MucRooms rooms = rooms();

		Presence join = (Presence) this.template.sent.get(0);
		assertThat(join.getFrom()).isEqualTo(BOT);
		assertThat(join.getTo()).isEqualTo(new JID("lobby@conference.example.com/bot"));
		assertThat(join.getChildElement("x", Muc.NS).element("history").attributeValue("maxstanzas")).isEqualTo("0");
		assertThat(rooms.requiredRoomsJoined()).isFalse();
		assertThat(rooms.status().get(ROOM.toBareJID()).state()).isEqualTo(Room.State.JOINING);

		assertThat(this.traffic.preRoute(presence("alice", "participant"))).isFalse();
		assertThat(this.traffic.preRoute(presence("bot", "moderator", 110))).isFalse();

		assertThat(rooms.requiredRoomsJoined()).isTrue();
		Room room = rooms.room(ROOM).orElseThrow();
		assertThat(room.occupants()).extracting(Occupant::nick).containsExactlyInAnyOrder("alice", "bot");
		assertThat(room.occupant("alice").orElseThrow().realJid()).isEqualTo(new JID("alice@example.com/phone"));
		assertThat(room.self().orElseThrow().role()).isEqualTo(Role.MODERATOR);
		// Occupants present before the bot are not "joined" events.
		assertThat(this.events).noneMatch(OccupantEvent.class::isInstance);
	}

	@Test
	void newRoomIsUnlockedWithTheInstantFormBeforeTheJoinCompletes() {
		MucRooms rooms = rooms();
		CompletableFuture<Room> join = rooms.join(rooms.room(ROOM).orElseThrow().spec());

		this.traffic.preRoute(presence("bot", "moderator", 201, 110));

		IQ unlock = this.template.requests.get(0);
		assertThat(unlock.getType()).isEqualTo(IQ.Type.set);
		assertThat(unlock.getTo()).isEqualTo(ROOM);
		assertThat(unlock.getChildElement().getNamespaceURI()).isEqualTo(Muc.OWNER);
		Element form = unlock.getChildElement().element("x");
		assertThat(form.attributeValue("type")).isEqualTo("submit");
		assertThat(form.elements()).isEmpty();
		assertThat(join).isNotDone();

		this.template.answer(unlock, null);
		assertThat(join).isCompletedWithValueMatching(Room::isJoined);
	}

	@Test
	void takenNickIsRetriedWithASuffixThenGivenUp() {
		MucRooms rooms = rooms(new MucSettings(NickConflictStrategy.suffix(1), Duration.ofSeconds(5), Duration.ZERO, false,
				false, "bot"));
		CompletableFuture<Room> join = rooms.join(rooms.room(ROOM).orElseThrow().spec());

		this.traffic.preRoute(conflict("bot"));
		assertThat(this.template.sent.get(this.template.sent.size() - 1).getTo().getResource()).isEqualTo("bot_2");
		this.traffic.preRoute(conflict("bot_2"));

		assertThat(join).isCompletedExceptionally();
		assertThatExceptionOfType(Exception.class).isThrownBy(join::join)
			.havingCause()
			.isInstanceOfSatisfying(XmppErrorException.class,
					(ex) -> assertThat(ex.getCondition()).isEqualTo(PacketError.Condition.conflict));
		assertThat(rooms.room(ROOM).orElseThrow().state()).isEqualTo(Room.State.NOT_JOINED);
	}

	private static Presence conflict(String nick) {
		Presence error = new Presence(Presence.Type.error);
		error.setFrom(new JID(ROOM.getNode(), ROOM.getDomain(), nick));
		error.setTo(BOT);
		error.setError(PacketError.Condition.conflict);
		return error;
	}

	@Test
	void handlersGetLiveBodiesOfOthersOnly() {
		MucRooms rooms = rooms();
		Room room = joinedRoom(rooms);

		Message history = groupchat("alice", "!ping");
		history.addChildElement("delay", Muc.DELAY).addAttribute("stamp", "2026-01-01T00:00:00Z");
		Message subject = groupchat("alice", null);
		subject.getElement().remove(subject.getElement().element("body"));
		subject.setSubject("Today: games");
		Message error = groupchat("alice", "x");
		error.setType(Message.Type.error);
		Message privateChat = groupchat("alice", "!whoami");
		privateChat.setType(Message.Type.chat);

		assertThat(this.traffic.preRoute(history)).as("history").isFalse();
		assertThat(this.traffic.preRoute(groupchat("bot", "pong"))).as("own reflection").isFalse();
		assertThat(this.traffic.preRoute(subject)).as("subject only").isFalse();
		assertThat(room.subject()).contains("Today: games");
		assertThat(this.traffic.preRoute(error)).as("error").isFalse();
		assertThat(this.traffic.preRoute(groupchat("alice", "!ping"))).as("live").isTrue();
		assertThat(this.traffic.preRoute(privateChat)).as("private").isTrue();
	}

	@Test
	void historyIsDeliveredWhenAskedFor() {
		MucRooms rooms = rooms(new MucSettings(NickConflictStrategy.fail(), Duration.ofSeconds(5), Duration.ZERO, true,
				false, "bot"));
		joinedRoom(rooms);
		Message history = groupchat("alice", "old news");
		history.addChildElement("delay", Muc.DELAY).addAttribute("stamp", "2026-01-01T00:00:00Z");

		assertThat(this.traffic.preRoute(history)).isTrue();
	}

	@Test
	void messagesBeforeTheSelfPresenceAreNotDelivered() {
		MucRooms rooms = rooms();

		assertThat(this.traffic.preRoute(groupchat("alice", "!ping"))).isFalse();
	}

	@Test
	void noErrorAnswersOccupantsButIqsAndOthersMayGetThem() {
		MucRooms rooms = rooms();
		IQ iq = new IQ(IQ.Type.get);
		iq.setFrom(new JID("lobby@conference.example.com/alice"));
		Message stranger = new Message();
		stranger.setFrom(new JID("carol@example.com/x"));

		assertThat(this.traffic.mayAnswerWithError(groupchat("alice", "hi"))).isFalse();
		assertThat(this.traffic.mayAnswerWithError(iq)).isTrue();
		assertThat(this.traffic.mayAnswerWithError(stranger)).isTrue();
	}

	@Test
	void occupantChangesArePublishedInOrder() {
		MucRooms rooms = rooms();
		joinedRoom(rooms);

		this.traffic.preRoute(presence("alice", "participant"));
		this.traffic.preRoute(presence("alice", "moderator"));
		Presence rename = gone("alice", 303);
		rename.getChildElement("x", Muc.USER).element("item").addAttribute("nick", "alicia");
		this.traffic.preRoute(rename);
		this.traffic.preRoute(presence("alicia", "moderator"));
		this.traffic.preRoute(gone("alicia"));

		assertThat(this.events).filteredOn(OccupantEvent.class::isInstance)
			.extracting((event) -> ((OccupantEvent) event).getKind() + " " + ((OccupantEvent) event).getOccupant().nick())
			.containsExactly("JOINED alice", "ROLE_CHANGED alice", "NICK_CHANGED alicia", "LEFT alicia");
	}

	@Test
	void lostStreamMeansOutOfEveryRoomAndReconnectRejoins() {
		MucRooms rooms = rooms();
		joinedRoom(rooms);
		this.template.sent.clear();

		this.keeper.onApplicationEvent(new ComponentDisconnectedEvent(this, new java.io.EOFException()));
		assertThat(rooms.requiredRoomsJoined()).isFalse();
		assertThat(rooms.room(ROOM).orElseThrow().occupants()).isEmpty();

		this.keeper.onApplicationEvent(new ComponentConnectedEvent(this, endpoint(), "s2", 2));
		assertThat(this.template.sent).singleElement().isInstanceOf(Presence.class);
	}

	@Test
	void selfPingErrorSaysLostAndRejoins() {
		MucRooms rooms = rooms();
		joinedRoom(rooms);
		this.template.sent.clear();

		this.keeper.checkRooms();
		IQ ping = this.template.requests.get(0);
		assertThat(ping.getTo()).isEqualTo(new JID("lobby@conference.example.com/bot"));
		assertThat(ping.getChildElement().getNamespaceURI()).isEqualTo("urn:xmpp:ping");
		this.template.answer(ping, PacketError.Condition.not_acceptable);

		assertThat(rooms.room(ROOM).orElseThrow().state()).isEqualTo(Room.State.JOINING);
		assertThat(this.template.sent.get(this.template.sent.size() - 1)).isInstanceOf(Presence.class);
	}

	@Test
	void selfPingAnsweredByTheOccupantMeansStillIn() {
		MucRooms rooms = rooms();
		joinedRoom(rooms);

		this.keeper.checkRooms();
		this.template.answer(this.template.requests.get(0), PacketError.Condition.feature_not_implemented);

		assertThat(rooms.room(ROOM).orElseThrow().isJoined()).isTrue();
	}

	@Test
	void kickedMeansNotWantedAnyMore() {
		MucRooms rooms = rooms();
		joinedRoom(rooms);

		this.traffic.preRoute(gone("bot", 110, 307));

		assertThat(rooms.room(ROOM)).isEmpty();
		assertThat(rooms.requiredRoomsJoined()).isTrue();
	}

	@Test
	void invitationIsAnnouncedAndAcceptedWhenConfigured() {
		MucRooms rooms = rooms(new MucSettings(NickConflictStrategy.fail(), Duration.ofSeconds(5), Duration.ZERO, false,
				true, "guest"));
		Message invitation = new Message();
		invitation.setFrom(new JID("party@conference.example.com"));
		invitation.setTo(new JID("host@bot.example.com"));
		Element invite = invitation.addChildElement("x", Muc.USER).addElement("invite")
			.addAttribute("from", "alice@example.com/phone");
		invite.addElement("reason").setText("come along");

		assertThat(this.traffic.preRoute(invitation)).isFalse();

		assertThat(this.events).filteredOn(InvitationReceivedEvent.class::isInstance).singleElement()
			.satisfies((event) -> {
				InvitationReceivedEvent received = (InvitationReceivedEvent) event;
				assertThat(received.getRoom()).isEqualTo(new JID("party@conference.example.com"));
				assertThat(received.getInviter()).isEqualTo(new JID("alice@example.com/phone"));
				assertThat(received.getReason()).isEqualTo("come along");
				assertThat(received.isAccepted()).isTrue();
			});
		Packet join = this.template.sent.get(this.template.sent.size() - 1);
		assertThat(join.getTo()).isEqualTo(new JID("party@conference.example.com/guest"));
		assertThat(join.getFrom()).isEqualTo(new JID("host@bot.example.com/guest"));
	}

	@Test
	void moderationRequestsCarryTheAdminItems() {
		MucRooms rooms = rooms();
		Room room = joinedRoom(rooms);

		room.kick("alice", "spam");
		room.ban(new JID("mallory@example.com/x"), null);
		room.grantVoice("bob");

		List<String> items = new ArrayList<>();
		for (IQ iq : this.template.requests) {
			Element item = iq.getChildElement().element("item");
			items.add(iq.getChildElement().getNamespaceURI() + " " + item.attributeValue("nick") + " "
					+ item.attributeValue("jid") + " " + item.attributeValue("role") + " "
					+ item.attributeValue("affiliation") + " " + item.elementText("reason"));
		}
		assertThat(items).containsExactly(Muc.ADMIN + " alice null none null spam",
				Muc.ADMIN + " null mallory@example.com null outcast null", Muc.ADMIN + " bob null participant null null");
		assertThat(this.template.requests).allSatisfy((iq) -> assertThat(iq.getFrom()).isEqualTo(BOT));
	}

	/** Keeps what is sent; requests wait until the test answers them. */
	@Test
	void aConfiguredRoomPlacedElsewhereIsNotJoinedAndDoesNotCountAgainstRequired() {
		MucRooms rooms = new MucRooms(this.template, MucSettings.defaults(), this.events::add,
				List.of(RoomSpec.of(ROOM, "bot", BOT.asBareJID()).required(true)));
		rooms.setPlacement(placement(false));
		new RoomKeeper(rooms, this.events::add).onApplicationEvent(new ComponentConnectedEvent(this, endpoint(), "s1", 1));

		assertThat(this.template.sent).isEmpty();
		assertThat(rooms.status().get(ROOM.toBareJID()).elsewhere()).isTrue();
		assertThat(rooms.requiredRoomsJoined()).isTrue();
	}

	@Test
	void aConfiguredRoomPlacedHereIsJoinedFromThePlacementsAddress() {
		MucRooms rooms = new MucRooms(this.template, MucSettings.defaults(), this.events::add,
				List.of(RoomSpec.of(ROOM, "bot", BOT.asBareJID()).required(true)));
		rooms.setPlacement(placement(true));
		new RoomKeeper(rooms, this.events::add).onApplicationEvent(new ComponentConnectedEvent(this, endpoint(), "s1", 1));

		JID home = new JID("kindling.1", "bot.example.com", "bot");
		assertThat(this.template.sent).singleElement().satisfies((join) -> assertThat(join.getFrom()).isEqualTo(home));
		assertThat(rooms.room(ROOM).orElseThrow().occupantJid()).isEqualTo(home);
		assertThat(rooms.status().get(ROOM.toBareJID()).elsewhere()).isFalse();
		assertThat(rooms.requiredRoomsJoined()).isFalse();
	}

	private static RoomPlacement placement(boolean here) {
		return new RoomPlacement() {

			@Override
			public CompletableFuture<Boolean> isPlacedHere(JID room) {
				return CompletableFuture.completedFuture(here);
			}

			@Override
			public JID occupantAddress(JID joinAs) {
				return new JID("kindling.1", joinAs.getDomain(), joinAs.getResource());
			}

		};
	}

	static final class RecordingTemplate implements XmppTemplate {

		final List<Packet> sent = new CopyOnWriteArrayList<>();

		final List<IQ> requests = new CopyOnWriteArrayList<>();

		private final Map<String, CompletableFuture<IQ>> pending = new ConcurrentHashMap<>();

		@Override
		public JID componentJid() {
			return new JID("bot.example.com");
		}

		@Override
		public void send(Packet stanza) {
			this.sent.add(stanza.createCopy());
		}


		@Override
		public CompletableFuture<IQ> request(IQ request) {
			return request(request, Duration.ofSeconds(10));
		}

		@Override
		public CompletableFuture<IQ> request(IQ request, Duration timeout) {
			if (request.getID() == null) {
				request.setID("r" + this.requests.size());
			}
			this.requests.add(request.createCopy());
			CompletableFuture<IQ> answer = new CompletableFuture<>();
			this.pending.put(request.getID(), answer);
			return answer;
		}

		void answer(IQ request, PacketError.Condition error) {
			IQ answer = IQ.createResultIQ(request);
			if (error != null) {
				answer.setType(IQ.Type.error);
				answer.setError(error);
				this.pending.remove(request.getID()).completeExceptionally(XmppErrorException.of(answer.getError()));
			}
			else {
				this.pending.remove(request.getID()).complete(answer);
			}
		}

	}

}
