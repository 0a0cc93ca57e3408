package dev.kindling.muc;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEvent;
import org.xmpp.packet.JID;

/**
 * Someone invited the bot into a room, mediated by the room (XEP-0045) or directly (XEP-0249).
 * When {@code xmpp.muc.accept-invitations} is on, the bot is joining already; otherwise call
 * {@link MucRooms#join(RoomSpec)} to accept.
 */
public class InvitationReceivedEvent extends ApplicationEvent {

	private final JID room;

	private final JID invitee;

	private final @Nullable JID inviter;

	private final @Nullable String reason;

	private final boolean accepted;

	public InvitationReceivedEvent(Object source, JID room, JID invitee, @Nullable JID inviter, @Nullable String reason,
			boolean accepted) {
		super(source);
		this.room = room;
		this.invitee = invitee;
		this.inviter = inviter;
		this.reason = reason;
		this.accepted = accepted;
	}

	/** The room's bare JID. */
	public JID getRoom() {
		return this.room;
	}

	/** The component address the invitation was sent to. */
	public JID getInvitee() {
		return this.invitee;
	}

	public @Nullable JID getInviter() {
		return this.inviter;
	}

	public @Nullable String getReason() {
		return this.reason;
	}

	/** Whether the bot is joining because of it. */
	public boolean isAccepted() {
		return this.accepted;
	}

}
