package dev.kindling.muc;

import org.dom4j.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;

/**
 * Mediated (XEP-0045) and direct (XEP-0249) invitations: each is announced as an
 * {@link InvitationReceivedEvent}, and accepted through {@link MucRooms#join(RoomSpec)} when
 * {@code xmpp.muc.accept-invitations} says so.
 */
public final class Invitations {

	private static final Logger logger = LoggerFactory.getLogger(Invitations.class);

	private final MucRooms rooms;

	private final ApplicationEventPublisher events;

	public Invitations(MucRooms rooms, ApplicationEventPublisher events) {
		this.rooms = rooms;
		this.events = events;
	}

	/** Whether the message is an invitation, now handled (so it reaches no handler). */
	boolean offer(Message message) {
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
		MucSettings settings = this.rooms.settings();
		boolean accept = settings.acceptInvitations();
		logger.info("Invited to {} by {}{}", room, inviter, accept ? "; joining" : "");
		this.events.publishEvent(new InvitationReceivedEvent(this.rooms, room, message.getTo(), inviter, reason, accept));
		if (accept) {
			JID joinAs = settings.invitationJoinAs(message.getTo());
			JID invitedTo = room;
			this.rooms.join(new RoomSpec(room, settings.invitationNick(), joinAs, false, null)).exceptionally((ex) -> {
				logger.warn("Could not accept the invitation to {}: {}", invitedTo, ex.getMessage());
				return null;
			});
		}
		return true;
	}

}
