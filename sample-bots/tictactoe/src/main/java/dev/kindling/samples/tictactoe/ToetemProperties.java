package dev.kindling.samples.tictactoe;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The referee's settings, under {@code toetem.*}. Checked when the beans that use them are
 * created ({@link Forfeits}, {@link GameRooms}), so a bad value fails startup naming its property.
 *
 * @param forfeitGrace How long a player whose client went offline during a game may take to come
 * back (any available presence from the same bare JID) before forfeiting it
 * @param rooms The chat room the referee opens for each game
 */
@ConfigurationProperties("toetem")
public record ToetemProperties(@DefaultValue("30s") Duration forfeitGrace, @DefaultValue Rooms rooms) {

	/**
	 * A chat room (XEP-0045) per game.
	 *
	 * @param enabled Whether each game gets a room, where its players are invited and its moves are
	 * posted; switch off for servers without a MUC service
	 * @param service Domain of the MUC service the rooms are made on; by default the dev server's
	 * conference service, else "conference." followed by the component's parent domain
	 * @param nick Nick of the referee in each room
	 * @param linger How long a room stays after its game ended, before the referee destroys it
	 */
	public record Rooms(@DefaultValue("true") boolean enabled, @Nullable String service,
			@DefaultValue("referee") String nick, @DefaultValue("60s") Duration linger) {
	}

}
