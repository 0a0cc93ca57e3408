package dev.kindling.boot.it.replica;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jxmpp.jid.impl.JidCreate;

import dev.kindling.devserver.EjabberdServer;

/** A Smack user of an {@link EjabberdServer} that keeps the messages it receives in arrival order. */
final class ChatClient implements AutoCloseable {

	final XMPPTCPConnection connection;

	private final BlockingQueue<Message> messages = new LinkedBlockingQueue<>();

	/** Every body received, with {@code System.nanoTime()} at its arrival. */
	final List<Arrival> arrivals = new java.util.concurrent.CopyOnWriteArrayList<>();

	/** Error replies received (not in {@link #arrivals}), e.g. the wait errors of a draining replica. */
	final java.util.concurrent.atomic.AtomicInteger errors = new java.util.concurrent.atomic.AtomicInteger();

	private ChatClient(XMPPTCPConnection connection) {
		this.connection = connection;
		// A synchronous listener keeps arrival order.
		connection.addSyncStanzaListener((stanza) -> {
			Message message = (Message) stanza;
			if (message.getType() == Message.Type.error) {
				this.errors.incrementAndGet();
			}
			else if (message.getBody() != null) {
				this.arrivals.add(new Arrival(System.nanoTime(), message.getBody()));
			}
			this.messages.add(message);
		}, StanzaTypeFilter.MESSAGE);
	}

	static ChatClient login(EjabberdServer server, String user, String password) throws Exception {
		XMPPTCPConnectionConfiguration config = XMPPTCPConnectionConfiguration.builder()
			.setXmppDomain(server.domain())
			.setHostAddress(InetAddress.getByName(server.host()))
			.setPort(server.c2sPort())
			.setSecurityMode(SecurityMode.disabled)
			.setUsernameAndPassword(user, password)
			.setResource("test")
			.setConnectTimeout(5000)
			.build();
		XMPPTCPConnection connection = new XMPPTCPConnection(config);
		connection.setReplyTimeout(10_000);
		ChatClient client = new ChatClient(connection);
		connection.connect().login();
		return client;
	}

	void chat(String to, String body) throws Exception {
		this.connection.sendStanza(this.connection.getStanzaFactory()
			.buildMessageStanza()
			.to(JidCreate.from(to))
			.ofType(Message.Type.chat)
			.setBody(body)
			.build());
	}

	/** The next {@code count} messages with a body, in arrival order. */
	List<String> bodies(int count, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		List<String> bodies = new ArrayList<>();
		while (bodies.size() < count) {
			Message message = this.messages.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
			if (message == null) {
				throw new AssertionError("Only " + bodies.size() + " of " + count + " messages arrived: " + bodies);
			}
			if (message.getBody() != null) {
				bodies.add(message.getBody());
			}
		}
		return bodies;
	}

	/** A body and when it arrived. */
	record Arrival(long nanos, String body) {
	}

	@Override
	public void close() {
		this.connection.disconnect();
	}

}
