package dev.kindling.replica;

import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import org.dom4j.Element;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;
import org.xmpp.packet.Presence;

import dev.kindling.StanzaAddresses;
import dev.kindling.connection.OutboundQueue;
import dev.kindling.connection.StanzaListener;
import dev.kindling.connection.StanzaReader;
import dev.kindling.connection.StanzaWriter;
import dev.kindling.connection.TestOutboundQueues;
import dev.kindling.observe.StanzaObserver;
import dev.kindling.template.DefaultXmppTemplate;
import dev.kindling.template.PendingRequests;

/**
 * A server in miniature that balances one component domain the way ejabberd's
 * {@code domain_balancing} with {@code component_number} does: fixed slots, a session takes the
 * first free one at connect (none beyond the last), and each stanza for the domain goes to slot
 * hash(bare from or to) mod slots, or is dropped silently when that slot is empty. The hash is
 * Java's, not Erlang's: replicas must not depend on which addresses land where. Every stanza is
 * written and parsed again, as on a real stream. The server itself ({@code example.com}) answers
 * pings.
 */
final class TestBalancer implements AutoCloseable {

	static final String DOMAIN = "bot.example.com";

	static final String SERVER = "example.com";

	private final Balancing mode;

	private final Node[] slots;

	private final List<Node> nodes = new CopyOnWriteArrayList<>();

	/** Stanzas for anyone outside the domain and the server: users, rooms. */
	final List<Packet> outside = new CopyOnWriteArrayList<>();

	final AtomicLong droppedForEmptySlot = new AtomicLong();

	TestBalancer(Balancing mode, int slots) {
		this.mode = mode;
		this.slots = new Node[slots];
	}

	/** A replica connects: it takes the first free slot, or none. */
	Node connect(String instance) {
		return connect(instance, Duration.ofSeconds(1));
	}

	Node connect(String instance, Duration probeTimeout) {
		Node node = new Node(instance, probeTimeout);
		takeFreeSlot(node);
		this.nodes.add(node);
		node.start();
		return node;
	}

	/** The replica's session ends (killed, stopped, or a spare's retry): its slot, if any, is free again. */
	void release(Node node) {
		synchronized (this.slots) {
			if (node.slot >= 0) {
				this.slots[node.slot] = null;
				node.slot = -1;
			}
		}
	}

	/** A new session of the replica: like ejabberd, it gets the first slot free at that moment, or none. */
	void takeFreeSlot(Node node) {
		synchronized (this.slots) {
			release(node);
			for (int i = 0; i < this.slots.length; i++) {
				if (this.slots[i] == null) {
					this.slots[i] = node;
					node.slot = i;
					break;
				}
			}
		}
	}

	/** The slot a stanza for the domain goes to. */
	int slotOf(Packet stanza) {
		String key = (this.mode == Balancing.BARE_SOURCE) ? StanzaAddresses.bareFrom(stanza)
				: StanzaAddresses.bare(StanzaAddresses.to(stanza));
		return Math.floorMod(String.valueOf(key).hashCode(), this.slots.length);
	}

	/** A stanza from outside (a user, a room) enters the server. */
	void inject(Packet stanza) {
		route(stanza);
	}

	private void route(Packet sent) {
		Packet stanza = rewrite(sent);
		JID to = stanza.getTo();
		if (DOMAIN.equals(to.getDomain())) {
			Node node = this.slots[slotOf(stanza)];
			if (node == null) {
				this.droppedForEmptySlot.incrementAndGet();
			}
			else {
				node.listener.onStanza(stanza);
			}
		}
		else if (SERVER.equals(to.toString()) && stanza instanceof IQ iq && iq.isRequest()) {
			IQ result = IQ.createResultIQ(iq);
			route(result);
		}
		else {
			this.outside.add(stanza);
		}
	}

	/** Written and read back as on a stream, so forwards cross a real serialization. */
	private static Packet rewrite(Packet stanza) {
		StringBuilder xml = new StringBuilder("<stream:stream xmlns='jabber:component:accept' xmlns:stream='http://etherx.jabber.org/streams'>");
		new StanzaWriter().write(stanza.getElement(), xml);
		try {
			StanzaReader reader = new StanzaReader(new StringReader(xml.toString()));
			reader.parser().next();
			Element element = reader.next();
			return switch (element.getName()) {
				case "message" -> new Message(element, true);
				case "iq" -> new IQ(element, true);
				default -> new Presence(element, true);
			};
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		this.nodes.forEach(Node::stop);
	}

	/** One replica: the real template, pending requests and replica over a queue this balancer drains. */
	final class Node implements StanzaListener {

		final OutboundQueue outbound = TestOutboundQueues.open(10_000);

		final PendingRequests pending = new PendingRequests(1000, StanzaObserver.NONE);

		final DefaultXmppTemplate template = new DefaultXmppTemplate(DOMAIN, this.outbound, this.pending,
				Duration.ofSeconds(2));

		final List<Throwable> reconnects = new CopyOnWriteArrayList<>();

		final Replica replica;

		final ReplicaStanzaListener listener;

		/** What reached the dispatcher: everything but answers, probes and forwards. */
		final List<Packet> handled = new CopyOnWriteArrayList<>();

		int slot = -1;

		private final Thread drain;

		Node(String instance, Duration probeTimeout) {
			this.replica = new Replica(new ReplicaSettings(instance, TestBalancer.this.mode, probeTimeout), DOMAIN,
					this.template, this.reconnects::add);
			this.template.setIdMark(this.replica::idMark);
			this.listener = new ReplicaStanzaListener(this.replica, this);
			this.drain = new Thread(this::drain, "balancer-" + instance);
			this.drain.setDaemon(true);
		}

		void start() {
			this.drain.start();
		}

		void stop() {
			this.drain.interrupt();
		}

		private void drain() {
			List<Packet> batch = new ArrayList<>();
			try {
				while (!Thread.currentThread().isInterrupted()) {
					batch.clear();
					this.outbound.takeBatch(batch, 64, Duration.ofMillis(50));
					batch.forEach(TestBalancer.this::route);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

		/** The dispatcher and router in short: answers complete requests, pings are answered. */
		@Override
		public void onStanza(Packet stanza) {
			if (stanza instanceof IQ iq && iq.isResponse()) {
				this.pending.complete(iq);
				return;
			}
			if (stanza instanceof IQ iq && iq.isRequest() && iq.getChildElement() != null
					&& "urn:xmpp:ping".equals(iq.getChildElement().getNamespaceURI())) {
				this.template.send(IQ.createResultIQ(iq));
			}
			this.handled.add(stanza);
		}

	}

}
