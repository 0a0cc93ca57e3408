package dev.kindling.muc;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.xmpp.packet.JID;

import dev.kindling.template.XmppTemplate;

/**
 * The rooms the bot is in. Rooms given to {@link #join(RoomSpec)} (and those from properties) are
 * wanted: joined whenever the component connects, so every reconnect rejoins them, and checked
 * every {@code selfPingInterval} with a XEP-0410 self-ping, which rejoins a room lost silently.
 * Only {@link #leave(JID)}, a kick, a ban or the room's destruction make a room unwanted.
 *
 * <p>This is the registry only. {@link RoomTraffic} feeds the rooms' stanzas to their trackers,
 * {@link RoomKeeper} (re)joins them on connect and self-pings them, {@link Invitations} answers
 * invitations.
 */
public final class MucRooms {

	private final XmppTemplate template;

	private final MucSettings settings;

	private final ApplicationEventPublisher events;

	private final Map<String, RoomTracker> rooms = new ConcurrentHashMap<>();

	// Set by RoomKeeper from the connection events; join() fails fast while disconnected.
	private volatile boolean connected;

	private volatile RoomPlacement placement = RoomPlacement.HERE;

	public MucRooms(XmppTemplate template, MucSettings settings, ApplicationEventPublisher events, List<RoomSpec> initial) {
		this.template = template;
		this.settings = settings;
		this.events = events;
		initial.forEach((spec) -> add(spec, true));
	}

	/**
	 * Decide which process is in the configured rooms, when several replicas share the domain; set
	 * before the component connects. The default, {@link RoomPlacement#HERE}, joins every room here.
	 */
	public void setPlacement(RoomPlacement placement) {
		this.placement = placement;
	}

	/**
	 * Want to be in a room: join it now if connected (and after every reconnect). The future
	 * completes when the bot is in, or fails with the room's error ({@code conflict} once the nick
	 * strategy gives up, {@code forbidden}, {@code registration-required}...) or a timeout.
	 */
	public CompletableFuture<Room> join(RoomSpec spec) {
		RoomTracker tracker = add(spec, false);
		if (!this.connected) {
			return CompletableFuture.failedFuture(new IllegalStateException(
					"Not connected; " + spec.room() + " is joined when the component connects"));
		}
		return joinPlaced(tracker);
	}

	private RoomTracker add(RoomSpec spec, boolean placed) {
		return this.rooms.computeIfAbsent(spec.room().toBareJID(),
				(key) -> new RoomTracker(new Room(spec, this.template, this.settings.joinTimeout()), placed, this.settings,
						this.events, this::removed));
	}

	/**
	 * Join a wanted room where the placement puts it: a configured room only if it is placed here
	 * (else the future completes with the room not joined), as the placement's occupant address.
	 */
	CompletableFuture<Room> joinPlaced(RoomTracker tracker) {
		RoomPlacement placement = this.placement;
		JID occupant = placement.occupantAddress(tracker.room.spec().joinAs());
		if (!tracker.placed || placement == RoomPlacement.HERE) {
			return tracker.join(occupant);
		}
		return placement.isPlacedHere(tracker.room.jid()).thenCompose((here) -> {
			tracker.elsewhere = !here;
			return here ? tracker.join(occupant) : CompletableFuture.completedFuture(tracker.room);
		});
	}

	/** Leave a room and stop wanting it. */
	public void leave(JID room) {
		RoomTracker tracker = this.rooms.remove(room.toBareJID());
		if (tracker != null && tracker.room.state() != Room.State.NOT_JOINED && this.connected) {
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
		return List.copyOf(all);
	}

	/** Whether the bot is in every room marked required: the health signal. */
	public boolean requiredRoomsJoined() {
		return this.rooms.values()
			.stream()
			.allMatch((tracker) -> !tracker.room.isRequired() || tracker.room.isJoined() || tracker.elsewhere);
	}

	/** Each wanted room's state and whether it is required, by room JID. */
	public Map<String, RoomStatus> status() {
		Map<String, RoomStatus> status = new LinkedHashMap<>();
		this.rooms.forEach((jid, tracker) -> status.put(jid,
				new RoomStatus(tracker.room.state(), tracker.room.isRequired(), tracker.room.nick(), tracker.elsewhere)));
		return status;
	}

	/**
	 * A room's state for health and monitoring.
	 * @param elsewhere whether the room is placed on another replica, which is in it instead
	 */
	public record RoomStatus(Room.State state, boolean required, String nick, boolean elsewhere) {
	}

	private void removed(Room room, String why) {
		this.rooms.remove(room.jid().toBareJID());
	}

	MucSettings settings() {
		return this.settings;
	}

	boolean isConnected() {
		return this.connected;
	}

	void connected(boolean connected) {
		this.connected = connected;
	}

	/** The tracker of a room by its bare JID, or {@code null} when the room is not wanted. */
	@Nullable RoomTracker tracker(String bareJid) {
		return this.rooms.isEmpty() ? null : this.rooms.get(bareJid);
	}

	boolean isWanted(String bareJid) {
		return this.rooms.containsKey(bareJid);
	}

	Collection<RoomTracker> trackers() {
		return this.rooms.values();
	}

	@Override
	public String toString() {
		return "MucRooms" + status();
	}

}
