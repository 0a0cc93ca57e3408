package dev.kindling.adhoc;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.xmpp.packet.JID;
import org.xmpp.packet.PacketError;
import org.xmpp.packet.PacketError.Condition;

import dev.kindling.XmppErrorException;

/**
 * The running command sessions: at most {@code maxSessions}, each forgotten after {@code timeout}
 * without a step, so abandoned forms cannot pile up. A full table answers {@code wait}.
 * {@link AdHocCommandHandler} opens, finds and closes them.
 */
public final class CommandSessions {

	private final int maxSessions;

	private final Duration timeout;

	private final Clock clock;

	private final Map<String, Session> sessions = new ConcurrentHashMap<>();

	/**
	 * @param clock the time sessions expire by ({@code Clock.systemUTC()} outside tests)
	 */
	public CommandSessions(int maxSessions, Duration timeout, Clock clock) {
		this.maxSessions = maxSessions;
		this.timeout = timeout;
		this.clock = clock;
	}

	synchronized Session open(String node, JID requester) {
		evictExpired();
		if (this.sessions.size() >= this.maxSessions) {
			throw new XmppErrorException(Condition.resource_constraint, PacketError.Type.wait,
					"Too many command sessions are open; try again later");
		}
		Session session = new Session(UUID.randomUUID().toString(), node, requester, this.clock.instant());
		this.sessions.put(session.id, session);
		return session;
	}

	/** The requester's session, or a {@code bad-request} when it is unknown, expired or someone else's. */
	Session find(String id, String node, JID requester) {
		Session session = this.sessions.get(id);
		if (session != null && expired(session)) {
			this.sessions.remove(id);
			session = null;
		}
		if (session == null || !session.node.equals(node) || !session.requester.equals(requester)) {
			throw new XmppErrorException(Condition.bad_request, "No such command session: " + id);
		}
		session.lastUsed = this.clock.instant();
		return session;
	}

	void close(String id) {
		this.sessions.remove(id);
	}

	/** Sessions open now. */
	public int openSessions() {
		return this.sessions.size();
	}

	private boolean expired(Session session) {
		return session.lastUsed.plus(this.timeout).isBefore(this.clock.instant());
	}

	private void evictExpired() {
		for (Iterator<Session> it = this.sessions.values().iterator(); it.hasNext();) {
			if (expired(it.next())) {
				it.remove();
			}
		}
	}

	static final class Session {

		final String id;

		final String node;

		final JID requester;

		final Map<String, Object> values = new LinkedHashMap<>();

		int stage;

		volatile Instant lastUsed;

		Session(String id, String node, JID requester, Instant now) {
			this.id = id;
			this.node = node;
			this.requester = requester;
			this.lastUsed = now;
		}

		@Nullable Object value(String key) {
			return this.values.get(key);
		}

	}

}
