package dev.kindling.handler;

import org.xmpp.packet.Message;

/**
 * Message types (RFC 6121 §5.2.2), for {@link OnMessage#type()}.
 */
public enum MessageType {

	NORMAL, CHAT, GROUPCHAT, HEADLINE, ERROR;

	static MessageType of(Message message) {
		Message.Type type = message.getType();
		return switch (type) {
			case chat -> CHAT;
			case groupchat -> GROUPCHAT;
			case headline -> HEADLINE;
			case error -> ERROR;
			case normal -> NORMAL;
		};
	}

}
