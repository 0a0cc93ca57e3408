package dev.kindling.routing;

import org.springframework.core.convert.ConversionException;
import org.springframework.messaging.handler.invocation.MethodArgumentResolutionException;
import org.xmpp.packet.PacketError;
import org.xmpp.packet.PacketError.Condition;

import dev.kindling.XmppErrorException;

/**
 * The one place exceptions become stanza errors: an {@link XmppErrorException} is the error it
 * names; content that cannot be bound to the handler's parameters is {@code bad-request}; anything
 * else is {@code internal-server-error}, without the exception's text (it may hold internals).
 */
public final class StanzaErrors {

	private StanzaErrors() {
	}

	public static PacketError toError(Throwable ex) {
		if (ex instanceof XmppErrorException error) {
			return error.toPacketError();
		}
		if (ex instanceof MethodArgumentResolutionException || ex instanceof ConversionException) {
			return new PacketError(Condition.bad_request);
		}
		return new PacketError(Condition.internal_server_error);
	}

	/** Whether the error is an expected outcome rather than a bug worth a stack trace. */
	static boolean isExpected(Throwable ex) {
		return ex instanceof XmppErrorException || ex instanceof MethodArgumentResolutionException
				|| ex instanceof ConversionException;
	}

}
