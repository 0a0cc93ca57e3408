package dev.kindling.test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.Packet;
import org.xmpp.packet.Presence;

import dev.kindling.connection.ComponentConnection;
import dev.kindling.connection.ConnectionState;
import dev.kindling.dispatch.StanzaDispatcher;
import dev.kindling.routing.StanzaRouter;
import dev.kindling.template.XmppTemplate;

/**
 * The component without a server: {@link #send} hands a stanza to the real
 * {@link StanzaDispatcher} as the stream's reader would, so it goes through the same per-sender
 * ordering, routing, argument binding, error mapping and built-in answers as in production, and
 * everything the component writes is captured in order ({@link #sent()}). Its own IQ requests are
 * answered by the scripts given to {@link #whenRequest}. The connection is the real
 * {@link ComponentConnection} over an {@link InMemoryTransport}, so {@link #loseConnection()} and
 * {@link #restoreConnection()} run its real loss, backoff and reconnect, with the same events.
 * {@link #room(String)} plays a MUC room: it answers the bot's join and brings occupants in and
 * out, as a MUC service would.
 *
 * <p>{@code @XmppComponentTest} provides one as a bean and resets it before each test.
 */
public final class XmppTestHarness {

	/** How long {@link #send} and the other waits take at most by default. */
	public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

	private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

	private final InMemoryTransport transport;

	private final ComponentConnection connection;

	private final StanzaDispatcher dispatcher;

	private final StanzaRouter router;

	private final XmppTemplate template;

	private final ScriptedAnswers answers = new ScriptedAnswers();

	/** The rooms played here, by bare JID; each learns the bot's joins and leaves as they are written. */
	private final Map<String, SimulatedRoom> rooms = new ConcurrentHashMap<>();

	private final Duration timeout;

	/**
	 * @param transport the wire of {@code connection}
	 * @param connection the component's connection, over {@code transport}
	 * @param dispatcher the connection's listener
	 * @param router the dispatcher's router
	 * @param template the component's template
	 * @param timeout how long waits take at most
	 */
	public XmppTestHarness(InMemoryTransport transport, ComponentConnection connection, StanzaDispatcher dispatcher,
			StanzaRouter router, XmppTemplate template, Duration timeout) {
		this.transport = transport;
		this.connection = connection;
		this.dispatcher = dispatcher;
		this.router = router;
		this.template = template;
		this.timeout = timeout;
		transport.setAnswerer(this.answers);
		transport.setWriteListener(this::written);
	}

	private void written(Packet stanza) {
		// Joins and leaves are presences to room@service/nick; recorded even when sent() is cleared later.
		if (stanza instanceof Presence presence && presence.getTo() != null && presence.getTo().getNode() != null
				&& presence.getTo().getResource() != null
				&& (presence.getType() == Presence.Type.unavailable
						|| presence.getChildElement("x", "http://jabber.org/protocol/muc") != null)) {
			JID room = presence.getTo().asBareJID();
			SimulatedRoom simulated = (presence.getType() == null)
					? this.rooms.computeIfAbsent(room.toBareJID(), (key) -> new SimulatedRoom(this, room))
					: this.rooms.get(room.toBareJID());
			if (simulated != null) {
				simulated.botPresence(presence);
			}
		}
	}

	/** The component's own address, its bare domain (e.g. {@code bot.test}). */
	public JID componentJid() {
		return this.template.componentJid();
	}

	/**
	 * Hand a stanza to the component, as the server would, and wait until the component is idle:
	 * every stanza handled, every asynchronous reply sent, everything written.
	 * @return what the component wrote meanwhile, in order
	 * @throws AssertionError when it is still busy after the timeout, naming requests of its own
	 * that no script answered
	 * @throws IllegalStateException when the connection is lost (see {@link #loseConnection()})
	 */
	public SentStanzas send(Packet stanza) {
		int before = this.transport.writtenCount();
		sendNoWait(stanza);
		awaitIdle();
		List<Packet> written = this.transport.written();
		return new SentStanzas(written.subList(Math.min(before, written.size()), written.size()));
	}

	/**
	 * Hand a stanza to the component without waiting for it to be handled, e.g. to send several
	 * before a slow handler finishes; then {@link #awaitIdle()}. The harness keeps no reference to
	 * the given object: the component gets a copy.
	 */
	public void sendNoWait(Packet stanza) {
		if (!this.transport.isOutage()) {
			awaitConnected();
		}
		this.transport.deliver(stanza.createCopy());
	}

	/**
	 * Wait until every stanza given to the component is handled, every asynchronous reply sent,
	 * and everything queued written.
	 * @throws AssertionError when that takes longer than the timeout
	 */
	public void awaitIdle() {
		if (!waitFor(this::isIdle)) {
			throw new AssertionError(busyMessage());
		}
	}

	private boolean isIdle() {
		return this.dispatcher.queued() == 0 && this.router.pendingReplies() == 0 && this.transport.flush();
	}

	private String busyMessage() {
		StringBuilder message = new StringBuilder("The component was still busy after ")
			.append(this.timeout.toMillis()).append(" ms: ")
			.append(this.dispatcher.queued()).append(" stanzas being handled, ")
			.append(this.router.pendingReplies()).append(" asynchronous replies pending, ")
			.append(this.transport.queued()).append(" stanzas unwritten.");
		List<IQ> unanswered = this.answers.unmatched();
		if (!unanswered.isEmpty()) {
			message.append(" No script answered these requests of its own: ")
				.append(unanswered.stream().map(IQ::toXML).collect(Collectors.joining("\n  ", "\n  ", "\n")))
				.append("Script an answer with harness.whenRequest(...), or, to test a timeout, set a short "
						+ "xmpp.component.request-timeout.");
		}
		return message.toString();
	}

	/**
	 * A MUC room played by the harness, e.g. {@code room("lobby@conference.localhost").join()} to
	 * answer the bot's join, then occupants arriving, leaving and talking. The same object for the
	 * same room.
	 * @param roomJid the room's bare JID
	 */
	public SimulatedRoom room(String roomJid) {
		JID room = new JID(roomJid);
		if (room.getNode() == null || room.getResource() != null) {
			throw new IllegalArgumentException("A room is a bare JID with a local part, e.g. lobby@conference.localhost; got '"
					+ roomJid + "'");
		}
		awaitIdle();
		return this.rooms.computeIfAbsent(room.toBareJID(), (key) -> new SimulatedRoom(this, room.asBareJID()));
	}

	/** Hand the component several stanzas in order, then wait until it is idle; what it wrote meanwhile. */
	SentStanzas deliverAll(List<? extends Packet> stanzas) {
		awaitIdle();
		int before = this.transport.writtenCount();
		for (Packet stanza : stanzas) {
			sendNoWait(stanza);
		}
		awaitIdle();
		List<Packet> written = this.transport.written();
		return new SentStanzas(written.subList(Math.min(before, written.size()), written.size()));
	}

	/** Everything the component wrote since the last reset, in order. */
	public SentStanzas sent() {
		this.transport.flush();
		return new SentStanzas(this.transport.written());
	}

	/** Forget what the component wrote so far. */
	public void clearSent() {
		this.transport.flush();
		this.transport.clearWritten();
	}

	/**
	 * Script the answer to the component's own IQ requests (from
	 * {@link XmppTemplate#request(IQ)}) that match; combine conditions from {@link IqMatchers}. A
	 * request no script matches stays unanswered.
	 */
	public RequestScript whenRequest(Predicate<IQ> matcher) {
		return this.answers.when(matcher);
	}

	/** Script the answer to requests to this address whose child element has this namespace. */
	public RequestScript whenRequest(String to, String namespace) {
		return whenRequest(IqMatchers.to(to).and(IqMatchers.namespace(namespace)));
	}

	/**
	 * Wait until the component has written a request of its own that matches, and return it, e.g.
	 * to answer it by hand with {@code send(Stanzas.result(request, …))}.
	 * @throws AssertionError when none comes within the timeout
	 */
	public IQ awaitRequest(Predicate<IQ> matcher) {
		IQ[] found = new IQ[1];
		boolean seen = waitFor(() -> {
			this.transport.flush();
			for (Packet stanza : this.transport.written()) {
				if (stanza instanceof IQ iq && iq.isRequest() && matcher.test(iq)) {
					found[0] = iq;
					return true;
				}
			}
			return false;
		});
		if (!seen) {
			throw new AssertionError("The component sent no matching request within " + this.timeout.toMillis()
					+ " ms; it wrote:" + sent());
		}
		return found[0];
	}

	/** Requests of the component's own that no script matched, so nothing answered. */
	public List<IQ> unansweredRequests() {
		return this.answers.unmatched();
	}

	/** Whether the component's stream is up. */
	public boolean isConnected() {
		return this.connection.getState() == ConnectionState.CONNECTED && this.transport.isOpen();
	}

	/** Wait until the stream is up and every listener has seen the connect. */
	public void awaitConnected() {
		if (!waitFor(() -> isConnected() && this.connection.publishedEvents().connected() >= this.connection.getStatus().connects())) {
			throw new AssertionError("The component did not connect within " + this.timeout.toMillis() + " ms; state "
					+ this.connection.getStatus());
		}
	}

	/**
	 * Lose the stream, as when the server goes away: the connection drops the unsent stanzas,
	 * publishes {@code ComponentDisconnectedEvent} and {@code ComponentReconnectingEvent}, and keeps
	 * retrying with backoff until {@link #restoreConnection()}. Returns once every listener has seen
	 * the loss. Meanwhile the component's sends fail with {@code StanzaNotSentException}, its
	 * pending requests fail, and {@link #send} throws.
	 */
	public void loseConnection() {
		long disconnects = this.connection.publishedEvents().disconnected();
		long retries = this.connection.publishedEvents().reconnecting();
		this.transport.startOutage();
		if (!waitFor(() -> this.connection.publishedEvents().disconnected() > disconnects && this.connection.publishedEvents().reconnecting() > retries)) {
			throw new AssertionError("The connection did not notice the loss within " + this.timeout.toMillis() + " ms");
		}
	}

	/**
	 * End the outage: the connection's next attempt succeeds and publishes
	 * {@code ComponentConnectedEvent} (a reconnect). Returns once every listener has seen it and
	 * what they sent (rejoining rooms, say) is written.
	 */
	public void restoreConnection() {
		long connects = this.connection.publishedEvents().connected();
		this.transport.endOutage();
		if (!waitFor(() -> isConnected() && this.connection.publishedEvents().connected() > connects)) {
			throw new AssertionError("The component did not reconnect within " + this.timeout.toMillis() + " ms; state "
					+ this.connection.getStatus());
		}
		awaitIdle();
	}

	/** {@link #loseConnection()} then {@link #restoreConnection()}: a blip the component recovers from. */
	public void reconnect() {
		loseConnection();
		restoreConnection();
	}

	/**
	 * Back to a fresh start: connected, idle, nothing written, no scripts, the bot out of every room
	 * joined through {@link #room}. Called before each test by {@code @XmppComponentTest}.
	 */
	public void reset() {
		if (this.transport.isOutage()) {
			restoreConnection();
		}
		awaitConnected();
		waitFor(this::isIdle);
		for (SimulatedRoom room : this.rooms.values()) {
			Presence out = room.reset();
			if (out != null) {
				this.transport.deliver(out);
			}
		}
		waitFor(this::isIdle);
		this.answers.clear();
		this.transport.clearWritten();
	}

	private boolean waitFor(BooleanSupplier condition) {
		long deadline = System.nanoTime() + this.timeout.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() - deadline > 0) {
				return false;
			}
			LockSupport.parkNanos(POLL_NANOS);
		}
		return true;
	}

}
