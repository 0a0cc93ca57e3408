package dev.kindling.muc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.dom4j.Element;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.ContextClosedEvent;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;
import org.xmpp.packet.PacketError;
import org.xmpp.packet.Presence;

import dev.kindling.DaemonThreads;
import dev.kindling.StanzaAddresses;
import dev.kindling.XmppErrorException;
import dev.kindling.connection.ComponentConnectedEvent;
import dev.kindling.connection.ComponentDisconnectedEvent;
import dev.kindling.routing.RoutingInterceptor;
import dev.kindling.template.XmppTemplate;

/**
 * The rooms the bot is in. Rooms given to {@link #join(RoomSpec)} (and those from properties) are
 * wanted: joined whenever the component connects, so every reconnect rejoins them, and checked
 * every {@code selfPingInterval} with a XEP-0410 self-ping, which rejoins a room lost silently.
 * Only {@link #leave(JID)}, a kick, a ban or the room's destruction make a room unwanted.
 *
 * <p>As a {@link RoutingInterceptor} it sees the rooms' stanzas first, on each room's lane: room
 * presences never reach handlers; groupchat reaches them only when it is live, from someone else,
 * and has a body; no error ever answers an occupant's message (rooms kick occupants for that).
 */
public final class MucRooms implements RoutingInterceptor, ApplicationListener<ApplicationEvent>, SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(MucRooms.class);

	private final XmppTemplate template;

	private final MucSettings settings;

	private final ApplicationEventPublisher events;

	private final Map<String, RoomTracker> rooms = new ConcurrentHashMap<>();

	private volatile boolean connected;

	private volatile @Nullable ScheduledExecutorService pinger;

	public MucRooms(XmppTemplate template, MucSettings settings, ApplicationEventPublisher events, List<RoomSpec> initial) {
		this.template = template;
		this.settings = settings;
		this.events = events;
		initial.forEach(this::add);
	}

	/**
	 * Want to be in a room: join it now if connected (and after every reconnect). The future
	 * completes when the bot is in, or fails with the room's error ({@code conflict} once the nick
	 * strategy gives up, {@code forbidden}, {@code registration-required}...) or a timeout.
	 */
	public CompletableFuture<Room> join(RoomSpec spec) {
		RoomTracker tracker = add(spec);
		if (!this.connected) {
			return CompletableFuture.failedFuture(new IllegalStateException(
					"Not connected; " + spec.room() + " is joined when the component connects"));
		}
		return tracker.join();
	}

	private RoomTracker add(RoomSpec spec) {
		return this.rooms.computeIfAbsent(spec.room().toBareJID(),
				(key) -> new RoomTracker(new Room(spec, this.template, this.settings.joinTimeout()), this.settings,
						this.events, this::removed));
	}

	/** Leave a room and stop wanting it. */
	public void leave(JID room) {
		RoomTracker tracker = this.rooms.remove(room.toBareJID());
		if (tracker != null && tracker.room.state != Room.State.NOT_JOINED && this.connected) {
			tracker.room.sendLeave();
			tracker.lost();
		}
	}

	public Optional<Room> room(JID room) {
		RoomTracker tracker = this.rooms.get(room.toBareJID());
		return (tracker != null) ? Optional.of(tracker.room) : Optional.empty();
	}

	/** Every wanted room, joined or not. */
	public List<Room> rooms() {
		List<Room> all = new ArrayList<>();
		this.rooms.values().forEach((tracker) -> all.add(tracker.room));
		return all;
	}

	/** Whether the bot is in every room marked required: the health signal. */
	public boolean requiredRoomsJoined() {
		return this.rooms.values().stream().allMatch((tracker) -> !tracker.room.isRequired() || tracker.room.isJoined());
	}

	/** Each wanted room's state and whether it is required, by room JID. */
	public Map<String, RoomStatus> status() {
		Map<String, RoomStatus> status = new LinkedHashMap<>();
		this.rooms.forEach((jid, tracker) -> status.put(jid,
				new RoomStatus(tracker.room.state(), tracker.room.isRequired(), tracker.room.nick())));
		return status;
	}

	/** A room's state for health and monitoring. */
	public record RoomStatus(Room.State state, boolean required, String nick) {
	}

	private void removed(Room room, String why) {
		this.rooms.remove(room.jid().toBareJID());
	}

	@Override
	public void onApplicationEvent(ApplicationEvent event) {
		if (event instanceof ComponentConnectedEvent) {
			this.connected = true;
			joinAll();
		}
		else if (event instanceof ComponentDisconnectedEvent) {
			this.connected = false;
			this.rooms.values().forEach(RoomTracker::lost);
		}
		else if (event instanceof ContextClosedEvent closed && closed.getApplicationContext() == this.events) {
			// Our own context (not a child's) closes, before the connection stops.
			leaveAllQuietly();
		}
	}

	private void joinAll() {
		for (RoomTracker tracker : this.rooms.values()) {
			tracker.join().exceptionally((ex) -> {
				logger.warn("Could not join {}: {}", tracker.room.jid(), ex.getMessage());
				return null;
			});
		}
	}

	/** On shutdown: occupants see the bot leave rather than time out. */
	private void leaveAllQuietly() {
		if (!this.connected) {
			return;
		}
		for (RoomTracker tracker : this.rooms.values()) {
			if (tracker.room.state != Room.State.NOT_JOINED) {
				try {
					tracker.room.sendLeave();
				}
				catch (RuntimeException ex) {
					logger.debug("Could not leave {}: {}", tracker.room.jid(), ex.getMessage());
				}
			}
		}
	}

	/** One round of self-pings; rooms found lost, or not joined, are joined again. */
	void checkRooms() {
		if (!this.connected) {
			return;
		}
		for (RoomTracker tracker : this.rooms.values()) {
			Room room = tracker.room;
			if (room.state == Room.State.NOT_JOINED) {
				tracker.join().exceptionally((ex) -> null);
			}
			else if (room.state == Room.State.JOINED) {
				room.selfPing(this.settings.joinTimeout()).whenComplete((ignored, ex) -> {
					if (ex != null && isOutOfRoom(ex)) {
						logger.warn("Self-ping says the bot is no longer in {} ({}); rejoining", room.jid(), ex.getMessage());
						tracker.lost();
						tracker.join().exceptionally((failed) -> null);
					}
				});
			}
		}
	}

	/** XEP-0410: these errors mean the occupant is gone; others (or a result) mean it is in. */
	private static boolean isOutOfRoom(Throwable ex) {
		Throwable cause = (ex instanceof java.util.concurrent.CompletionException && ex.getCause() != null) ? ex.getCause() : ex;
		if (!(cause instanceof XmppErrorException error)) {
			return false;
		}
		PacketError.Condition condition = error.getCondition();
		return condition == PacketError.Condition.not_acceptable || condition == PacketError.Condition.item_not_found
				|| condition == PacketError.Condition.remote_server_not_found;
	}

	@Override
	public boolean preRoute(Packet stanza) {
		if (stanza instanceof IQ) {
			return true;
		}
		String from = StanzaAddresses.bareFrom(stanza);
		if (from == null) {
			return true;
		}
		RoomTracker tracker = this.rooms.isEmpty() ? null : this.rooms.get(from);
		if (tracker == null) {
			return !(stanza instanceof Message message) || !invitation(message);
		}
		if (stanza instanceof Presence presence) {
			tracker.onPresence(presence);
			return false;
		}
		return tracker.onMessage((Message) stanza);
	}

	@Override
	public boolean mayAnswerWithError(Packet stanza) {
		if (stanza instanceof IQ) {
			return true;
		}
		String from = StanzaAddresses.bareFrom(stanza);
		return from == null || !this.rooms.containsKey(from);
	}

	/** A mediated (XEP-0045) or direct (XEP-0249) invitation: announced, and accepted when configured. */
	private boolean invitation(Message message) {
		Element user = Muc.user(message);
		Element invite = (user != null) ? user.element("invite") : null;
		Element direct = (invite == null) ? message.getElement().element(Muc.DIRECT_INVITE_X) : null;
		if (invite == null && direct == null) {
			// Nearly every message: decided without the JIDs.
			return false;
		}
		if (message.getType() == Message.Type.error || message.getTo() == null) {
			return false;
		}
		JID room;
		JID inviter;
		String reason;
		if (invite != null) {
			room = message.getFrom().asBareJID();
			inviter = Muc.jid(invite.attributeValue("from"));
			reason = invite.elementText("reason");
		}
		else {
			room = (direct != null) ? Muc.jid(direct.attributeValue("jid")) : null;
			if (room == null || room.getNode() == null) {
				return false;
			}
			room = room.asBareJID();
			inviter = message.getFrom();
			reason = direct.attributeValue("reason");
		}
		boolean accept = this.settings.acceptInvitations();
		logger.info("Invited to {} by {}{}", room, inviter, accept ? "; joining" : "");
		this.events.publishEvent(new InvitationReceivedEvent(this, room, message.getTo(), inviter, reason, accept));
		if (accept) {
			JID joinAs = this.settings.invitationJoinAs(message.getTo());
			JID invitedTo = room;
			join(new RoomSpec(room, this.settings.invitationNick(), joinAs, false, null)).exceptionally((ex) -> {
				logger.warn("Could not accept the invitation to {}: {}", invitedTo, ex.getMessage());
				return null;
			});
		}
		return true;
	}

	@Override
	public void start() {
		if (this.settings.selfPingInterval().isZero() || this.pinger != null) {
			return;
		}
		ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("kindling-muc-ping"));
		long period = this.settings.selfPingInterval().toMillis();
		executor.scheduleWithFixedDelay(this::checkRoomsSafely, period, period, TimeUnit.MILLISECONDS);
		this.pinger = executor;
	}

	private void checkRoomsSafely() {
		try {
			checkRooms();
		}
		catch (RuntimeException ex) {
			logger.warn("Room check failed", ex);
		}
	}

	@Override
	public void stop() {
		ScheduledExecutorService executor = this.pinger;
		if (executor != null) {
			executor.shutdownNow();
			this.pinger = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.pinger != null;
	}

	@Override
	public String toString() {
		return "MucRooms" + status();
	}

}
