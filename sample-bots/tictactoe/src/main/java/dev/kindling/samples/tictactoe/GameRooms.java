package dev.kindling.samples.tictactoe;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.xmpp.packet.JID;

import dev.kindling.boot.autoconfigure.XmppDevServerDetails;
import dev.kindling.muc.MucRooms;
import dev.kindling.muc.Room;
import dev.kindling.muc.RoomSpec;
import dev.kindling.template.XmppTemplate;

/**
 * A chat room per game, through Kindling's {@link MucRooms}: made when the game starts (local part
 * = the game's id), joined from the game's own address, both players invited, each event's summary posted as groupchat, destroyed
 * {@code toetem.rooms.linger} after the game ended. Posts to a room go out in the order of the
 * game's events, after the referee is in the room.
 */
@Component
class GameRooms {

	private static final Logger logger = LoggerFactory.getLogger(GameRooms.class);

	private final @Nullable MucRooms muc;

	private final ToetemProperties.Rooms settings;

	private final String service;

	private final GameAddresses addresses;

	private final ScheduledExecutorService timer;

	/** Each open room's last post (or its join), so the next post follows it. */
	private final Map<String, CompletableFuture<Room>> rooms = new ConcurrentHashMap<>();

	GameRooms(ToetemProperties properties, ObjectProvider<MucRooms> muc, ObjectProvider<XmppDevServerDetails> devServer,
			XmppTemplate template, ScheduledExecutorService toetemTimer, GameAddresses addresses) {
		this.settings = properties.rooms();
		this.muc = this.settings.enabled() ? muc.getIfAvailable() : null;
		if (this.settings.enabled() && this.muc == null) {
			throw new InvalidConfigurationPropertyValueException("toetem.rooms.enabled", true,
					"Rooms need Kindling's MUC helper; set xmpp.muc.enabled=true, or toetem.rooms.enabled=false.");
		}
		if (this.settings.nick().isBlank()) {
			throw new InvalidConfigurationPropertyValueException("toetem.rooms.nick", this.settings.nick(),
					"Must not be blank.");
		}
		if (this.settings.linger().isNegative()) {
			throw new InvalidConfigurationPropertyValueException("toetem.rooms.linger", this.settings.linger(),
					"Must not be negative.");
		}
		this.service = service(this.settings.service(), devServer.getIfAvailable(), template.componentJid());
		this.addresses = addresses;
		this.timer = toetemTimer;
	}

	private static String service(@Nullable String configured, @Nullable XmppDevServerDetails devServer, JID component) {
		if (configured != null) {
			return ServiceAddress.parse("toetem.rooms.service", configured, "conference.example.com").getDomain();
		}
		if (devServer != null) {
			return devServer.mucDomain();
		}
		String domain = component.getDomain();
		int dot = domain.indexOf('.');
		return "conference." + ((dot > 0) ? domain.substring(dot + 1) : domain);
	}

	/** The MUC service the rooms are made on. */
	String service() {
		return this.service;
	}

	/** The game's room while the referee keeps it. */
	@Nullable String roomOf(String id) {
		return this.rooms.containsKey(id) ? id + "@" + this.service : null;
	}

	/** Makes the game's room (or joins it) and invites both players. */
	void open(Game game) {
		if (this.muc == null) {
			return;
		}
		JID jid = new JID(game.id(), this.service, null);
		String reason = "Game " + game.id() + ": " + game.title();
		// From the game's address: the room's traffic then reaches the replica that owns the game.
		CompletableFuture<Room> joined = this.muc.join(RoomSpec.of(jid, this.settings.nick(), this.addresses.of(game.id())))
			.thenApply((room) -> {
				room.invite(game.x(), reason);
				room.invite(game.o(), reason);
				return room;
			});
		this.rooms.put(game.id(), joined);
		joined.exceptionally((ex) -> {
			logger.warn("No room for game {} at {}: {}", game.id(), jid, ex.getMessage());
			this.rooms.remove(game.id());
			return null;
		});
	}

	/** Games back after a restart get their rooms back (a room that still exists is joined again). */
	@EventListener
	void resumed(GamesResumedEvent event) {
		event.games().forEach(this::open);
	}

	/** Says {@code text} in the game's room, after whatever was said there before. */
	void post(String id, String text) {
		this.rooms.computeIfPresent(id, (key, last) -> last.thenApply((room) -> {
			room.send(text);
			return room;
		}));
	}

	/** The game ended: its room goes after the linger time. */
	void close(String id) {
		if (this.muc == null || !this.rooms.containsKey(id)) {
			return;
		}
		this.timer.schedule(() -> destroy(id), this.settings.linger().toMillis(), TimeUnit.MILLISECONDS);
	}

	/** This process no longer holds the games: it leaves their rooms (their new holders join them). */
	@EventListener
	void released(GamesReleasedEvent event) {
		event.ids().forEach(this::leave);
	}

	private void leave(String id) {
		CompletableFuture<Room> last = this.rooms.remove(id);
		if (last != null && this.muc != null) {
			this.muc.leave(new JID(id, this.service, null));
		}
	}

	private void destroy(String id) {
		CompletableFuture<Room> last = this.rooms.remove(id);
		if (last == null) {
			return;
		}
		last.thenCompose((room) -> room.destroy("Game " + id + " is over")).whenComplete((done, ex) -> {
			if (ex != null) {
				// Not the owner (a room left from an earlier run, say): at least stop being in it.
				logger.debug("Could not destroy the room of {}: {}", id, ex.getMessage());
				this.muc.leave(new JID(id, this.service, null));
			}
		});
	}

}
