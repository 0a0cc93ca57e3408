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

	private ChatClient(XMPPTCPConnection connection) {
		this.connection = connection;
		// A synchronous listener keeps arrival order.
		connection.addSyncStanzaListener((stanza) -> this.messages.add((Message) stanza), StanzaTypeFilter.MESSAGE);
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

	@Override
	public void close() {
		this.connection.disconnect();
	}

}
