package dev.kindling.muc;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.dom4j.Element;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.xmpp.packet.Message;
import org.xmpp.packet.PacketError;
import org.xmpp.packet.Presence;

import dev.kindling.XmppErrorException;

/**
 * Keeps one {@link Room} current from what the room sends: the join handshake (self-presence 110,
 * creation 201, nick conflicts), occupants and their changes, the subject, and which messages
 * handlers may see. Runs on the room's lane, one stanza at a time.
 */
final class RoomTracker {

	private static final Logger logger = LoggerFactory.getLogger(RoomTracker.class);

	/** Why the bot is out of a room for good: kicked, banned or the room destroyed. */
	interface Removal {

		void removed(Room room, String why);

	}

	final Room room;

	private final MucSettings settings;

	private final ApplicationEventPublisher events;

	private final Removal removal;

	/** Occupants that left with 303 (nick change), by their new nick. */
	private final Map<String, Occupant> renaming = new ConcurrentHashMap<>();

	private volatile @Nullable CompletableFuture<Room> joining;

	private int conflicts;

	/** Whether the room came from the configuration, so that the placement decides who joins it. */
	final boolean placed;

	/** Whether the placement put the room on another replica at its last asking. */
	volatile boolean elsewhere;

	RoomTracker(Room room, boolean placed, MucSettings settings, ApplicationEventPublisher events, Removal removal) {
		this.room = room;
		this.placed = placed;
		this.settings = settings;
		this.events = events;
		this.removal = removal;
	}

	/** Join, or return the join under way; completes when the bot is in (and a new room unlocked). */
	synchronized CompletableFuture<Room> join() {
		return join(this.room.spec().joinAs());
	}

	/** Join as this address (the placement's), or return the join under way. */
	synchronized CompletableFuture<Room> join(org.xmpp.packet.JID occupant) {
		CompletableFuture<Room> current = this.joining;
		if (this.room.state == Room.State.JOINED) {
			return CompletableFuture.completedFuture(this.room);
		}
		if (this.room.state == Room.State.JOINING && current != null) {
			return current;
		}
		CompletableFuture<Room> future = new CompletableFuture<>();
		this.joining = future;
		this.conflicts = 0;
		this.room.state = Room.State.JOINING;
		this.room.occupant = occupant;
		future.orTimeout(this.settings.joinTimeout().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
			.whenComplete((joined, ex) -> {
				if (ex != null) {
					notJoined(future);
				}
			});
		try {
			this.room.sendJoin(this.room.spec().nick());
		}
		catch (RuntimeException ex) {
			future.completeExceptionally(ex);
		}
		return future;
	}

	private synchronized void notJoined(CompletableFuture<Room> future) {
		if (this.joining == future && this.room.state == Room.State.JOINING) {
			this.room.state = Room.State.NOT_JOINED;
		}
	}

	/** The stream is gone: so is the occupancy. */
	synchronized void lost() {
		this.room.state = Room.State.NOT_JOINED;
		this.room.occupants.clear();
		this.renaming.clear();
		CompletableFuture<Room> future = this.joining;
		if (future != null) {
			future.completeExceptionally(new IllegalStateException("The connection was lost while joining " + this.room.jid()));
		}
	}

	void onPresence(Presence presence) {
		String nick = presence.getFrom().getResource();
		if (presence.getType() == Presence.Type.error) {
			joinRefused(presence);
			return;
		}
		if (nick == null) {
			return;
		}
		Element user = Muc.user(presence);
		Set<Integer> codes = Muc.statusCodes(user);
		Element item = (user != null) ? user.element("item") : null;
		Occupant occupant = new Occupant(this.room.jid(), nick,
				(item != null) ? Muc.jid(item.attributeValue("jid")) : null,
				Role.of((item != null) ? item.attributeValue("role") : null),
				Affiliation.of((item != null) ? item.attributeValue("affiliation") : null));
		boolean available = presence.getType() == null;
		if (codes.contains(Muc.SELF)) {
			self(occupant, available, codes, item, user);
		}
		else if (available) {
			arrived(occupant, presence);
		}
		else {
			departed(occupant, codes, item, presence);
		}
	}

	private void self(Occupant occupant, boolean available, Set<Integer> codes, @Nullable Element item,
			@Nullable Element user) {
		if (available) {
			this.room.nick = occupant.nick();
			this.room.occupants.put(occupant.nick(), occupant);
			CompletableFuture<Room> future;
			synchronized (this) {
				boolean wasJoined = this.room.state == Room.State.JOINED;
				this.room.state = Room.State.JOINED;
				future = wasJoined ? null : this.joining;
			}
			if (future == null) {
				return;
			}
			if (codes.contains(Muc.CREATED)) {
				logger.info("Created room {}; unlocking it with the {} form", this.room.jid(),
						(this.room.spec().configuration() != null) ? "configured" : "instant-room");
				this.room.unlock().whenComplete((ignored, ex) -> {
					if (ex != null) {
						logger.warn("Could not unlock room {}: {}", this.room.jid(), ex.getMessage());
						future.completeExceptionally(ex);
					}
					else {
						future.complete(this.room);
					}
				});
			}
			else {
				logger.info("Joined room {} as {}", this.room.jid(), occupant.nick());
				future.complete(this.room);
			}
			return;
		}
		if (codes.contains(Muc.NICK_CHANGED) && item != null && item.attributeValue("nick") != null) {
			this.room.occupants.remove(occupant.nick());
			this.room.nick = item.attributeValue("nick");
			return;
		}
		synchronized (this) {
			this.room.state = Room.State.NOT_JOINED;
		}
		this.room.occupants.clear();
		String why = codes.contains(Muc.BANNED) ? "banned"
				: codes.contains(Muc.KICKED) ? "kicked"
				: (user != null && user.element("destroy") != null) ? "destroyed" : null;
		if (why != null) {
			logger.warn("Out of room {}: {}", this.room.jid(), why);
			this.removal.removed(this.room, why);
		}
	}

	private void joinRefused(Presence presence) {
		PacketError error = presence.getError();
		CompletableFuture<Room> future = this.joining;
		if (this.room.state != Room.State.JOINING || future == null) {
			logger.debug("Room {} refused a presence: {}", this.room.jid(), presence.toXML());
			return;
		}
		if (error != null && error.getCondition() == PacketError.Condition.conflict) {
			String next = this.settings.nickConflict().next(this.room.spec().nick(), ++this.conflicts);
			if (next != null) {
				logger.info("Nick {} is taken in {}; trying {}", this.room.nick, this.room.jid(), next);
				this.room.sendJoin(next);
				return;
			}
		}
		XmppErrorException ex = (error != null) ? XmppErrorException.of(error)
				: new XmppErrorException(PacketError.Condition.undefined_condition);
		logger.warn("Could not join room {} as {}: {}", this.room.jid(), this.room.nick, ex.getMessage());
		synchronized (this) {
			this.room.state = Room.State.NOT_JOINED;
		}
		future.completeExceptionally(ex);
	}

	private void arrived(Occupant occupant, Presence presence) {
		Occupant previous = this.room.occupants.put(occupant.nick(), occupant);
		if (this.room.state != Room.State.JOINED) {
			return;
		}
		Occupant renamed = this.renaming.remove(occupant.nick());
		if (previous == null && renamed != null) {
			publish(OccupantEvent.Kind.NICK_CHANGED, occupant, renamed, presence);
		}
		else if (previous == null) {
			publish(OccupantEvent.Kind.JOINED, occupant, null, presence);
		}
		else if (previous.role() != occupant.role()) {
			publish(OccupantEvent.Kind.ROLE_CHANGED, occupant, previous, presence);
		}
		else if (previous.affiliation() != occupant.affiliation()) {
			publish(OccupantEvent.Kind.AFFILIATION_CHANGED, occupant, previous, presence);
		}
	}

	private void departed(Occupant occupant, Set<Integer> codes, @Nullable Element item, Presence presence) {
		Occupant previous = this.room.occupants.remove(occupant.nick());
		if (codes.contains(Muc.NICK_CHANGED) && item != null && item.attributeValue("nick") != null) {
			this.renaming.put(item.attributeValue("nick"), (previous != null) ? previous : occupant);
			return;
		}
		if (this.room.state == Room.State.JOINED) {
			publish(OccupantEvent.Kind.LEFT, occupant, previous, presence);
		}
	}

	/** Whether handlers get the message: not history, not the bot's own reflection, not subject-only. */
	boolean onMessage(Message message) {
		if (message.getType() == Message.Type.error) {
			CompletableFuture<Void> subject = (message.getID() != null) ? this.room.pendingSubjects.remove(message.getID()) : null;
			if (subject != null) {
				subject.completeExceptionally((message.getError() != null) ? XmppErrorException.of(message.getError())
						: new XmppErrorException(PacketError.Condition.undefined_condition));
			}
			return false;
		}
		String sender = message.getFrom().getResource();
		if (message.getType() != Message.Type.groupchat) {
			return message.getBody() != null;
		}
		if (message.getElement().element("subject") != null) {
			String subject = message.getSubject();
			this.room.subject = (subject == null || subject.isEmpty()) ? null : subject;
			subjectShown(message, sender);
			if (message.getBody() == null) {
				return false;
			}
		}
		if (this.room.state != Room.State.JOINED) {
			return false;
		}
		if (Muc.isDelayed(message) && !this.settings.deliverHistory()) {
			return false;
		}
		return sender == null || !sender.equals(this.room.nick);
	}

	private void subjectShown(Message message, @Nullable String sender) {
		CompletableFuture<Void> byId = (message.getID() != null) ? this.room.pendingSubjects.remove(message.getID()) : null;
		if (byId != null) {
			byId.complete(null);
		}
		else if (sender != null && sender.equals(this.room.nick)) {
			// Services that re-stamp ids: the bot's own subject change shown back completes them all.
			this.room.pendingSubjects.values().forEach((pending) -> pending.complete(null));
		}
	}

	private void publish(OccupantEvent.Kind kind, Occupant occupant, @Nullable Occupant previous, Presence presence) {
		try {
			this.events.publishEvent(new OccupantEvent(this.room, kind, this.room, occupant, previous, presence));
		}
		catch (RuntimeException ex) {
			logger.error("A listener failed on {} in {}", kind, this.room.jid(), ex);
		}
	}

}
