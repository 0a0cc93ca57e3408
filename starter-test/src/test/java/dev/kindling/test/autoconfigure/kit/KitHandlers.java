package dev.kindling.test.autoconfigure.kit;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.dom4j.Element;
import org.springframework.stereotype.Component;
import org.xmpp.packet.JID;
import org.xmpp.packet.PacketError.Condition;

import dev.kindling.XmppErrorException;
import dev.kindling.handler.Body;
import dev.kindling.handler.From;
import dev.kindling.handler.IqType;
import dev.kindling.handler.Match;
import dev.kindling.handler.MessageType;
import dev.kindling.handler.OnIq;
import dev.kindling.handler.OnMessage;

/** Handlers that exercise ordering, asynchronous replies and error mapping. */
@Component
class KitHandlers {

	/** Works a random short while, so that a dispatcher without per-sender lanes would reorder. */
	@OnMessage(type = MessageType.CHAT, to = "slow")
	String slow(@Body String body) {
		LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(ThreadLocalRandom.current().nextInt(2000)));
		return body;
	}

	/** Replies later, from another thread. */
	@OnMessage(type = MessageType.CHAT, to = "later")
	CompletableFuture<String> later(@Body String body) {
		return CompletableFuture.supplyAsync(() -> "later: " + body,
				CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS));
	}

	@OnMessage(type = MessageType.CHAT, body = "!double (?<n>.+)")
	String twice(@Match("n") int n) {
		return String.valueOf(2 * n);
	}

	@OnIq(namespace = "urn:test:fail", element = "missing", type = IqType.GET)
	Element missing() {
		throw new XmppErrorException(Condition.item_not_found, "No such thing");
	}

	@OnIq(namespace = "urn:test:fail", element = "bug", type = IqType.GET)
	Element bug() {
		throw new IllegalStateException("a bug with internals in its message");
	}

	@OnIq(namespace = "urn:test:fail", element = "later", type = IqType.SET)
	CompletableFuture<Element> failsLater(@From JID from) {
		return CompletableFuture.failedFuture(new XmppErrorException(Condition.forbidden, "Not for " + from));
	}

}
