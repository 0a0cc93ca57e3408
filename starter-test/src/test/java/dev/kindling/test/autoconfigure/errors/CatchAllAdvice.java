package dev.kindling.test.autoconfigure.errors;

import org.xmpp.packet.JID;

import dev.kindling.handler.From;
import dev.kindling.handler.XmppAdvice;
import dev.kindling.handler.XmppExceptionHandler;

/** Answers every exception of {@link CatchAllHandlers} (and of no other bean) politely. */
@XmppAdvice(assignableTypes = CatchAllHandlers.class)
class CatchAllAdvice {

	@XmppExceptionHandler(Exception.class)
	String sorry(@From JID sender) {
		return "Sorry " + sender.getNode() + ", that went wrong";
	}

}
