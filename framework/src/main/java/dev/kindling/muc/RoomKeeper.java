package dev.kindling.muc;

import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.ContextClosedEvent;
import org.xmpp.packet.PacketError;

import dev.kindling.DaemonThreads;
import dev.kindling.XmppErrorException;
import dev.kindling.connection.ComponentConnectedEvent;
import dev.kindling.connection.ComponentDisconnectedEvent;

/**
 * Keeps the bot in its {@link MucRooms}: joins every wanted room whenever the component connects
 * (so every reconnect rejoins them), marks them lost when it disconnects, leaves them when the
 * application context closes, and every {@code selfPingInterval} sends each joined room a XEP-0410
 * self-ping, rejoining a room lost silently.
 */
public final class RoomKeeper implements ApplicationListener<ApplicationEvent>, SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(RoomKeeper.class);

	private final MucRooms rooms;

	private final ApplicationEventPublisher events;

	private volatile @Nullable ScheduledExecutorService pinger;

	/**
	 * @param events the publisher of the application context: its own {@link ContextClosedEvent}
	 * (not a child context's) makes the bot leave its rooms
	 */
	public RoomKeeper(MucRooms rooms, ApplicationEventPublisher events) {
		this.rooms = rooms;
		this.events = events;
	}

	@Override
	public void onApplicationEvent(ApplicationEvent event) {
		if (event instanceof ComponentConnectedEvent) {
			this.rooms.connected(true);
			joinAll();
		}
		else if (event instanceof ComponentDisconnectedEvent) {
			this.rooms.connected(false);
			this.rooms.trackers().forEach(RoomTracker::lost);
		}
		else if (event instanceof ContextClosedEvent closed && closed.getApplicationContext() == this.events) {
			// Our own context (not a child's) closes, before the connection stops.
			leaveAllQuietly();
		}
	}

	private void joinAll() {
		for (RoomTracker tracker : this.rooms.trackers()) {
			this.rooms.joinPlaced(tracker).exceptionally((ex) -> {
				logger.warn("Could not join {}: {}", tracker.room.jid(), ex.getMessage());
				return null;
			});
		}
	}

	/** On shutdown: occupants see the bot leave rather than time out. */
	private void leaveAllQuietly() {
		if (!this.rooms.isConnected()) {
			return;
		}
		for (RoomTracker tracker : this.rooms.trackers()) {
			if (tracker.room.state() != Room.State.NOT_JOINED) {
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
		if (!this.rooms.isConnected()) {
			return;
		}
		for (RoomTracker tracker : this.rooms.trackers()) {
			Room room = tracker.room;
			Room.State state = room.state();
			if (state == Room.State.NOT_JOINED) {
				this.rooms.joinPlaced(tracker).exceptionally((ex) -> null);
			}
			else if (state == Room.State.JOINED) {
				room.selfPing(this.rooms.settings().joinTimeout()).whenComplete((ignored, ex) -> {
					if (ex != null && isOutOfRoom(ex)) {
						logger.warn("Self-ping says the bot is no longer in {} ({}); rejoining", room.jid(), ex.getMessage());
						tracker.lost();
						this.rooms.joinPlaced(tracker).exceptionally((failed) -> null);
					}
				});
			}
		}
	}

	/** XEP-0410: these errors mean the occupant is gone; others (or a result) mean it is in. */
	private static boolean isOutOfRoom(Throwable ex) {
		Throwable cause = (ex instanceof CompletionException && ex.getCause() != null) ? ex.getCause() : ex;
		if (!(cause instanceof XmppErrorException error)) {
			return false;
		}
		PacketError.Condition condition = error.getCondition();
		return condition == PacketError.Condition.not_acceptable || condition == PacketError.Condition.item_not_found
				|| condition == PacketError.Condition.remote_server_not_found;
	}

	@Override
	public void start() {
		if (this.rooms.settings().selfPingInterval().isZero() || this.pinger != null) {
			return;
		}
		ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("kindling-muc-ping"));
		long period = this.rooms.settings().selfPingInterval().toMillis();
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

}
