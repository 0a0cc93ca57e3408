package dev.kindling.boot.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Multi-user chat (XEP-0045): the rooms the bot is in and how it behaves there.
 *
 * @param enabled Whether the MUC support is on: rooms joined, room stanzas filtered, Room arguments bound
 * @param rooms Rooms joined at start and after every reconnect
 * @param nick Nick used in rooms that give none, and in rooms joined by invitation
 * @param joinAs Component address that joins rooms that give none, e.g. "referee@bot.example.com"; defaults to the component's domain
 * @param nickConflict What to do when a room says the nick is taken
 * @param nickAttempts How many other nicks the suffix strategy tries before the join fails
 * @param joinTimeout How long a join may wait for the room's answer
 * @param selfPingInterval How often joined rooms are checked with a XEP-0410 self-ping, and rooms not joined are tried again; 0 turns this off
 * @param deliverHistory Whether delayed groupchat (room history) reaches message handlers
 * @param acceptInvitations Whether the bot accepts invitations by joining the room
 */
@ConfigurationProperties("xmpp.muc")
public record XmppMucProperties(@DefaultValue("true") boolean enabled, @DefaultValue List<Room> rooms,
		@DefaultValue("bot") String nick, @Nullable String joinAs,
		@DefaultValue("suffix") NickConflict nickConflict, @DefaultValue("5") int nickAttempts,
		@DefaultValue("10s") Duration joinTimeout, @DefaultValue("60s") Duration selfPingInterval,
		@DefaultValue("false") boolean deliverHistory, @DefaultValue("false") boolean acceptInvitations) {

	static final String PREFIX = "xmpp.muc";

	/** What to do when a nick is taken. */
	public enum NickConflict {

		/** Try nick_2, nick_3 and so on. */
		SUFFIX,

		/** Give up: the join fails with conflict. */
		FAIL

	}

	/**
	 * One room to be in.
	 *
	 * @param jid Bare JID of the room, e.g. "lobby@conference.example.com"
	 * @param nick Nick in this room; defaults to xmpp.muc.nick
	 * @param joinAs Component address that is the occupant; defaults to xmpp.muc.join-as
	 * @param required Whether the application counts as unhealthy while it is not in this room
	 * @param configuration Room configuration fields (muc#roomconfig_*) submitted when the bot creates the room; empty submits the instant-room form
	 */
	public record Room(@Nullable String jid, @Nullable String nick, @Nullable String joinAs,
			@DefaultValue("false") boolean required, @DefaultValue Map<String, String> configuration) {
	}

}
