package dev.kindling.replica;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.dom4j.Element;
import org.dom4j.QName;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.event.SmartApplicationListener;
import org.springframework.core.Ordered;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;

import dev.kindling.StanzaNotSentException;
import dev.kindling.connection.ComponentConnectedEvent;
import dev.kindling.connection.ComponentDisconnectedEvent;
import dev.kindling.connection.ComponentSpareSessionEvent;
import dev.kindling.template.XmppTemplate;

/**
 * This process as one of several active replicas of its component domain.
 *
 * <p>On every connect, before any other listener of {@link ComponentConnectedEvent} runs (rooms are
 * joined, presences announced), it finds its <em>home</em>: it sends messages from and to
 * {@code kindling.<k>@<domain>} for k = 0, 1, 2… carrying a probe with its instance name and a
 * fresh nonce; the server routes each to the replica that owns the slot of that address, so the
 * first of its own probes that comes back names an address routed to this replica. With a home,
 * its IQ ids carry the home's key and its liveness pings go from and to the home. If none comes
 * back within the probe timeout the session has no slot: the replica is a {@linkplain SlotState#SPARE
 * spare}. It says so once (naming ejabberd's {@code domain_balancing} / {@code component_number},
 * in case the spare is not deliberate), stays healthy and ready, and stands by: it reconnects every
 * standby retry, and each time sends one batch of probes with a short verdict, because ejabberd
 * gives a slot that frees only to a session that connects after it freed.
 *
 * <p>Inbound, {@link ReplicaStanzaListener} asks {@link #owner(Packet)} whose a stanza is and
 * forwards what belongs to another replica with {@link #forward}.
 *
 * <p>With {@link Balancing#NONE} none of this is installed.
 */
public final class Replica implements SmartApplicationListener {

	/** Namespace of the probe element. */
	public static final String PROBE_NAMESPACE = "urn:kindling:replica:0";

	/** XEP-0297, the wrapper of a forward between replicas. */
	public static final String FORWARD_NAMESPACE = "urn:xmpp:forward:0";

	static final QName PROBE = QName.get("probe", PROBE_NAMESPACE);

	static final QName FORWARDED = QName.get("forwarded", FORWARD_NAMESPACE);

	/** Returned by {@link #owner(Packet)} for a stanza this replica handles itself. */
	public static final int LOCAL = -1;

	private static final Logger logger = LoggerFactory.getLogger(Replica.class);

	private static final int BATCH = 16;

	private static final long BATCH_WAIT_MILLIS = 100;

	private static final int MAX_KEYS = 4096;

	/**
	 * A spare's verdict at each retry: the wait for its one batch of probes. Probes come back within
	 * milliseconds (0 to 31 ms measured on a loaded machine); a verdict that comes too early only
	 * costs one more retry, since the slot stays free for the next connect.
	 */
	static final long SPARE_VERDICT_MILLIS = BATCH_WAIT_MILLIS;

	/** A spare's batches walk through this many windows of keys, so that every slot is met. */
	private static final int SPARE_WINDOWS = 16;

	private final ReplicaSettings settings;

	private final String domain;

	private final String domainSuffix;

	private final XmppTemplate template;

	private final Consumer<Throwable> reconnect;

	/** Probe rounds waiting for their probes, by nonce: each is told the address a probe came back from. */
	private final Map<String, Consumer<String>> rounds = new ConcurrentHashMap<>();

	private final AtomicLong forwardedOut = new AtomicLong();

	private final AtomicLong forwardedIn = new AtomicLong();

	private final AtomicLong foreignProbes = new AtomicLong();

	private final AtomicLong noSlotConnects = new AtomicLong();

	private final AtomicLong spareProbes = new AtomicLong();

	// When this replica became a spare (System.nanoTime), or 0 while it is not one.
	private volatile long spareSince;

	private volatile SlotState state = SlotState.DISCONNECTED;

	private volatile int homeKey = LOCAL;

	private volatile @Nullable JID home;

	private volatile String idMark = "";

	private volatile @Nullable Duration lastProbeTime;

	// The spare session whose home was found before its connected event, or null.
	private volatile @Nullable String probedStream;

	/**
	 * @param template sends the probes and forwards
	 * @param reconnect drops the session and stands by, given why ({@link NoSlotException}): called
	 * when the session has no slot, at every retry of a spare
	 */
	public Replica(ReplicaSettings settings, String domain, XmppTemplate template, Consumer<Throwable> reconnect) {
		this.settings = settings;
		this.domain = domain;
		this.domainSuffix = "@" + domain;
		this.template = template;
		this.reconnect = reconnect;
	}

	/** This replica's name. */
	public String instance() {
		return this.settings.instance();
	}

	public Balancing balancing() {
		return this.settings.balancing();
	}

	public ReplicaSettings settings() {
		return this.settings;
	}

	public SlotState state() {
		return this.state;
	}

	/** The home address, {@code kindling.<k>@<domain>}, or {@code null} while the replica has none. */
	public @Nullable JID home() {
		return this.home;
	}

	/** The key of the home address, or {@link #LOCAL} while the replica has none. */
	public int homeKey() {
		return this.homeKey;
	}

	/** Whether the address (bare or full) is this replica's home. */
	public boolean isHome(@Nullable JID address) {
		int key = this.homeKey;
		return address != null && key >= 0 && HomeAddresses.key(address.toString()) == key;
	}

	/**
	 * What this replica's IQ ids start with ({@code r<k>.}), empty while it has no home; the
	 * template puts it in front of every id it makes.
	 */
	public String idMark() {
		return this.idMark;
	}

	/** How long the last home probe took, or {@code null} before the first. */
	public @Nullable Duration lastProbeTime() {
		return this.lastProbeTime;
	}

	/** Stanzas forwarded to other replicas. */
	public long forwardedOut() {
		return this.forwardedOut.get();
	}

	/** Forwards received from other replicas and handled here. */
	public long forwardedIn() {
		return this.forwardedIn.get();
	}

	/** Probes of other replicas that the server routed here (dropped). */
	public long foreignProbes() {
		return this.foreignProbes.get();
	}

	/** Connects in a row after which no probe came back; 0 once a connect finds a home. */
	public long noSlotConnects() {
		return this.noSlotConnects.get();
	}

	/** Whether this replica is a spare: connected without a slot, standing by to take one that frees. */
	public boolean isSpare() {
		return this.state == SlotState.SPARE;
	}

	/**
	 * Probes sent while a spare, at its retries after the first verdict (each lands on a replica
	 * with a slot, which drops it): one batch of 16 per retry.
	 */
	public long spareProbes() {
		return this.spareProbes.get();
	}

	/**
	 * Whether the server routes an address of the domain to this replica: a probe from and to it
	 * comes back here. Under {@link Balancing#BARE_DESTINATION} that is where stanzas sent to the
	 * address go, e.g. a game addressed by its own JID; under {@link Balancing#BARE_SOURCE}, where
	 * stanzas sent from it go. Completes {@code false} when the probe does not come back within the
	 * probe timeout (another replica owns it, or nobody holds its slot), and {@code true} at once
	 * when nothing is balanced.
	 * @param address a bare address of the component's domain
	 */
	public CompletableFuture<Boolean> owns(JID address) {
		if (!balancing().isBalanced()) {
			return CompletableFuture.completedFuture(true);
		}
		checkProbeable(address);
		String nonce = nonce();
		CompletableFuture<Boolean> owned = new CompletableFuture<>();
		this.rounds.put(nonce, (from) -> owned.complete(true));
		owned.completeOnTimeout(false, this.settings.probeTimeout().toMillis(), TimeUnit.MILLISECONDS)
			.whenComplete((result, ex) -> this.rounds.remove(nonce));
		try {
			sendProbe(address, nonce);
		}
		catch (RuntimeException ex) {
			owned.completeExceptionally(ex);
		}
		return owned;
	}

	/**
	 * The first of the candidates that the server routes to this replica, e.g. to give new work
	 * (a game) an address that this replica serves itself under {@link Balancing#BARE_DESTINATION}:
	 * one probe per candidate, all at once; probes to this replica come back in the order they were
	 * sent, so the first back is the first owned. Empty when none comes back within the probe
	 * timeout. Unbalanced, the first candidate at once.
	 * @param candidates bare addresses of the component's domain with a local part
	 */
	public CompletableFuture<Optional<JID>> firstOwned(List<JID> candidates) {
		if (candidates.isEmpty() || !balancing().isBalanced()) {
			return CompletableFuture.completedFuture(candidates.stream().findFirst());
		}
		candidates.forEach(this::checkProbeable);
		String nonce = nonce();
		CompletableFuture<Optional<JID>> first = new CompletableFuture<>();
		this.rounds.put(nonce, (from) -> first.complete(Optional.of(new JID(from))));
		first.completeOnTimeout(Optional.empty(), this.settings.probeTimeout().toMillis(), TimeUnit.MILLISECONDS)
			.whenComplete((result, ex) -> this.rounds.remove(nonce));
		try {
			candidates.forEach((candidate) -> sendProbe(candidate, nonce));
		}
		catch (RuntimeException ex) {
			first.completeExceptionally(ex);
		}
		return first;
	}

	private void checkProbeable(JID address) {
		if (!this.domain.equals(address.getDomain()) || address.getNode() == null || address.getResource() != null) {
			throw new IllegalArgumentException("Only a bare address of " + this.domain + " with a local part can be probed; got "
					+ address);
		}
	}

	@Override
	public boolean supportsEventType(Class<? extends ApplicationEvent> eventType) {
		return ComponentConnectedEvent.class.isAssignableFrom(eventType)
				|| ComponentSpareSessionEvent.class.isAssignableFrom(eventType)
				|| ComponentDisconnectedEvent.class.isAssignableFrom(eventType);
	}

	/** Before every other listener: the home must be known before rooms are joined or requests go out. */
	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public void onApplicationEvent(ApplicationEvent event) {
		if (event instanceof ComponentSpareSessionEvent spare) {
			probeHome();
			this.probedStream = spare.getStreamId();
		}
		else if (event instanceof ComponentConnectedEvent connected) {
			// A spare's session that found its slot was probed already, before it was announced.
			if (this.state != SlotState.HOME || !connected.getStreamId().equals(this.probedStream)) {
				probeHome();
			}
			this.probedStream = null;
		}
		else {
			this.probedStream = null;
			lost();
		}
	}

	private void lost() {
		// A spare stays one through its retries, until one finds a slot.
		if (this.state != SlotState.SPARE) {
			this.state = SlotState.DISCONNECTED;
		}
		this.homeKey = LOCAL;
		this.home = null;
		this.idMark = "";
	}

	/**
	 * Find the home: probe candidates in batches until one of ours comes back or the probe timeout
	 * runs out. Runs on the connection's supervisor thread, inside the connected event, so every
	 * later listener sees the result; the reader thread completes the round.
	 */
	void probeHome() {
		lost();
		if (this.state == SlotState.SPARE) {
			if (!spareFindsSlot()) {
				return;
			}
		}
		else {
			this.state = SlotState.PROBING;
		}
		long start = System.nanoTime();
		long deadline = start + this.settings.probeTimeout().toNanos();
		String nonce = nonce();
		CompletableFuture<String> found = new CompletableFuture<>();
		this.rounds.put(nonce, found::complete);
		int sent = 0;
		String address = null;
		try {
			while (address == null && sent < MAX_KEYS && deadline - System.nanoTime() > 0) {
				for (int i = 0; i < BATCH; i++) {
					sendProbe(HomeAddresses.home(this.domain, sent++), nonce);
				}
				address = await(found, Math.min(TimeUnit.MILLISECONDS.toNanos(BATCH_WAIT_MILLIS), deadline - System.nanoTime()));
			}
			if (address == null) {
				address = await(found, deadline - System.nanoTime());
			}
		}
		catch (StanzaNotSentException ex) {
			logger.info("Replica '{}' stopped probing for its home: {}", instance(), ex.getMessage());
			if (this.state != SlotState.SPARE) {
				this.state = SlotState.DISCONNECTED;
			}
			return;
		}
		finally {
			this.rounds.remove(nonce);
		}
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		this.lastProbeTime = took;
		if (address == null) {
			noSlot(sent, took);
			return;
		}
		int key = HomeAddresses.key(address);
		this.home = HomeAddresses.home(this.domain, key);
		this.homeKey = key;
		this.idMark = HomeAddresses.idPrefix(key);
		this.state = SlotState.HOME;
		this.noSlotConnects.set(0);
		long spare = this.spareSince;
		this.spareSince = 0;
		if (spare != 0) {
			logger.info("Replica '{}' of '{}' took a free slot after standing by as a spare for {} ms: home {}", instance(),
					this.domain, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - spare), this.home);
		}
		else {
			logger.info("Replica '{}' of '{}' ({}) has home {} ({} probes, {} ms)", instance(), this.domain,
					balancing().ejabberdType(), this.home, sent, took.toMillis());
		}
	}

	/**
	 * A spare's retry: one batch of probes, a short verdict. The batch is taken from a window of
	 * keys that moves at each retry, so a slot that none of one window's keys hash to is met by the
	 * next. Any probe back means the session holds a slot; the caller then probes from the first key
	 * for the home, so a spare in a dead replica's slot gets the same home as the dead one had.
	 * @return whether the session holds a slot
	 */
	private boolean spareFindsSlot() {
		long retry = this.noSlotConnects.get();
		int first = (int) (retry % SPARE_WINDOWS) * BATCH;
		String nonce = nonce();
		CompletableFuture<String> found = new CompletableFuture<>();
		this.rounds.put(nonce, found::complete);
		long start = System.nanoTime();
		String address;
		try {
			for (int i = 0; i < BATCH; i++) {
				sendProbe(HomeAddresses.home(this.domain, first + i), nonce);
				this.spareProbes.incrementAndGet();
			}
			address = await(found, TimeUnit.MILLISECONDS.toNanos(Math.min(SPARE_VERDICT_MILLIS,
					this.settings.probeTimeout().toMillis())));
		}
		catch (StanzaNotSentException ex) {
			logger.debug("Spare replica '{}' stopped probing: {}", instance(), ex.getMessage());
			return false;
		}
		finally {
			this.rounds.remove(nonce);
		}
		if (address != null) {
			return true;
		}
		this.lastProbeTime = Duration.ofNanos(System.nanoTime() - start);
		this.noSlotConnects.incrementAndGet();
		logger.debug("Replica '{}' is still a spare (retry {})", instance(), retry);
		this.reconnect.accept(new NoSlotException("Replica '" + instance() + "' of '" + this.domain
				+ "' is a spare: no slot is free"));
		return false;
	}

	private void noSlot(int sent, Duration took) {
		this.state = SlotState.SPARE;
		this.spareSince = System.nanoTime();
		this.noSlotConnects.incrementAndGet();
		String message = "Replica '" + instance() + "' of '" + this.domain + "' got no slot: none of its " + sent
				+ " probes came back within " + took.toMillis() + " ms, so the server sends it nothing";
		// Once, not per retry: a spare is normal with more replicas than slots.
		logger.info("{}. It is a SPARE: it stands by, retrying every xmpp.component.standby.retry, and takes the slot "
				+ "of a replica that leaves. That is deliberate with more replicas than ejabberd's component_number "
				+ "(e.g. N active + 1 spare); if every replica was meant to be active, set domain_balancing for {} "
				+ "(type {}) with component_number equal to the number of replicas.", message, this.domain,
				balancing().ejabberdType());
		this.reconnect.accept(new NoSlotException(message + "; standing by as a spare (ejabberd's domain_balancing for "
				+ this.domain + ", type " + balancing().ejabberdType() + ", has fewer slots in its component_number than "
				+ "there are replicas)"));
	}

	private static @Nullable String await(CompletableFuture<String> found, long nanos) {
		if (nanos <= 0) {
			return found.getNow(null);
		}
		try {
			return found.get(nanos, TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
		catch (ExecutionException ex) {
			return null;
		}
	}

	private void sendProbe(JID address, String nonce) {
		Message probe = new Message();
		probe.setFrom(address);
		probe.setTo(address);
		Element element = probe.getElement().addElement(PROBE);
		element.addAttribute("instance", instance());
		element.addAttribute("nonce", nonce);
		this.template.sendWithoutCopy(probe);
	}

	private static String nonce() {
		return Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
	}

	/**
	 * Whose stanza this is: {@link #LOCAL} for this replica, else the key of the home it belongs to.
	 * A stanza sent to a home address belongs to that home (under {@code bare_destination} the
	 * server already delivered it there); an IQ answer belongs to the home its id names.
	 * Allocation-free: it runs on the reader thread for every stanza.
	 */
	public int owner(Packet stanza) {
		Element element = stanza.getElement();
		int key = HomeAddresses.key(element.attributeValue("to"));
		if (key < 0 && element.getName().equals("iq")) {
			String type = element.attributeValue("type");
			if ("result".equals(type) || "error".equals(type)) {
				key = HomeAddresses.idKey(element.attributeValue("id"));
			}
		}
		else if (key >= 0 && balancing() == Balancing.BARE_DESTINATION) {
			return LOCAL;
		}
		return (key < 0 || key == this.homeKey) ? LOCAL : key;
	}

	/**
	 * Send a stanza that belongs to another replica to that replica, through the server: a message
	 * from and to its home, which the balancing routes to it, wrapping the stanza in a XEP-0297
	 * {@code <forwarded/>}.
	 */
	public void forward(Packet stanza, int key) {
		JID owner = HomeAddresses.home(this.domain, key);
		Message forward = new Message();
		forward.setFrom(owner);
		forward.setTo(owner);
		Element inner = stanza.getElement().createCopy();
		// XEP-0297: the forwarded stanza is in the client namespace; the reader strips it again.
		inner.setQName(QName.get(inner.getName(), "jabber:client"));
		forward.getElement().addElement(FORWARDED).add(inner);
		try {
			this.template.sendWithoutCopy(forward);
			this.forwardedOut.incrementAndGet();
		}
		catch (StanzaNotSentException ex) {
			logger.debug("Could not forward a {} to {}: {}", inner.getName(), owner, ex.getMessage());
		}
	}

	/**
	 * A probe from the component's own domain: completes our round, or is another replica's.
	 * @return whether the message was a probe (and so is consumed)
	 */
	boolean probeReceived(Element message, String from) {
		Element probe = message.element(PROBE);
		if (probe == null) {
			return false;
		}
		Consumer<String> round = this.rounds.get(String.valueOf(probe.attributeValue("nonce")));
		if (round != null && instance().equals(probe.attributeValue("instance"))) {
			round.accept(from);
		}
		else {
			this.foreignProbes.incrementAndGet();
		}
		return true;
	}

	/** Whether a bare address is of the component's own domain: only those may probe or forward. */
	boolean isOwnDomain(String bare) {
		return bare.endsWith(this.domainSuffix) && bare.indexOf('/') < 0;
	}

	void forwardReceived() {
		this.forwardedIn.incrementAndGet();
	}

	/** The nonces of the probe rounds still waiting, for tests. */
	List<String> pendingRounds() {
		return new ArrayList<>(this.rounds.keySet());
	}

	@Override
	public String toString() {
		return "Replica[" + instance() + ", " + balancing() + ", " + this.state + ", home=" + this.home + "]";
	}

}
