package dev.kindling.test;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;

import dev.kindling.devserver.XmppServer;

/**
 * A real XMPP client (Smack) logged in to a test server as one user: send stanzas, wait for the
 * messages that arrive, make IQ requests.
 */
public final class XmppTestClient implements AutoCloseable {

	private static final Duration DEFAULT_WAIT = Duration.ofSeconds(10);

	private final XMPPTCPConnection connection;

	private final BlockingQueue<Message> messages = new LinkedBlockingQueue<>();

	private XmppTestClient(XMPPTCPConnection connection) {
		this.connection = connection;
		// A synchronous listener keeps arrival order.
		connection.addSyncStanzaListener((stanza) -> this.messages.add((Message) stanza), StanzaTypeFilter.MESSAGE);
	}

	/**
	 * Log in to the server's c2s port as {@code user}: a {@code ProsodyServer}, or an
	 * {@code EjabberdServer} node (of a cluster: that node's port).
	 */
	public static XmppTestClient login(XmppServer server, String user, String password) {
		return login(server.domain(), server.host(), server.c2sPort(), user, password);
	}

	/** Log in as {@code user@domain} to a c2s port, without TLS. */
	public static XmppTestClient login(String domain, String host, int port, String user, String password) {
		try {
			XMPPTCPConnectionConfiguration config = XMPPTCPConnectionConfiguration.builder()
				.setXmppDomain(domain)
				.setHostAddress(InetAddress.getByName(host))
				.setPort(port)
				.setSecurityMode(SecurityMode.disabled)
				.setUsernameAndPassword(user, password)
				.setResource("test")
				.setConnectTimeout(5000)
				.build();
			XMPPTCPConnection connection = new XMPPTCPConnection(config);
			connection.setReplyTimeout(DEFAULT_WAIT.toMillis());
			XmppTestClient client = new XmppTestClient(connection);
			connection.connect().login();
			return client;
		}
		catch (IOException | SmackException | XMPPException | InterruptedException ex) {
			throw new IllegalStateException("Cannot log in as " + user + " to " + host + ":" + port, ex);
		}
	}

	public XMPPTCPConnection connection() {
		return this.connection;
	}

	public EntityFullJid jid() {
		return this.connection.getUser();
	}

	public void send(Stanza stanza) {
		try {
			this.connection.sendStanza(stanza);
		}
		catch (SmackException.NotConnectedException | InterruptedException ex) {
			throw new IllegalStateException("Cannot send " + stanza, ex);
		}
	}

	/** Send a {@code chat} message; returns its id. */
	public String sendChat(String to, String body) {
		Message message = this.connection.getStanzaFactory()
			.buildMessageStanza()
			.to(jid(to))
			.ofType(Message.Type.chat)
			.setBody(body)
			.build();
		send(message);
		return message.getStanzaId();
	}

	/** The next message that arrives, waiting up to 10 s. */
	public Message awaitMessage() {
		return awaitMessage(DEFAULT_WAIT);
	}

	public Message awaitMessage(Duration timeout) {
		try {
			Message message = this.messages.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
			if (message == null) {
				throw new AssertionError("No message arrived for " + jid() + " within " + timeout.toMillis() + " ms");
			}
			return message;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError("Interrupted", ex);
		}
	}

	/** The next {@code count} messages, in arrival order. */
	public List<Message> awaitMessages(int count, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		List<Message> received = new ArrayList<>(count);
		while (received.size() < count) {
			long left = deadline - System.nanoTime();
			if (left <= 0) {
				throw new AssertionError("Only " + received.size() + " of " + count + " messages arrived within "
						+ timeout.toMillis() + " ms");
			}
			received.add(awaitMessage(Duration.ofNanos(left)));
		}
		return received;
	}

	/** Messages received and not yet taken. */
	public int pendingMessages() {
		return this.messages.size();
	}

	/**
	 * Send an IQ request and wait for its answer.
	 * @throws XMPPException.XMPPErrorException when the answer is an error
	 */
	public IQ request(IQ request) throws XMPPException.XMPPErrorException {
		try {
			return this.connection.sendIqRequestAndWaitForResponse(request);
		}
		catch (SmackException.NoResponseException | SmackException.NotConnectedException | InterruptedException ex) {
			throw new IllegalStateException("No answer to " + request.toXML(), ex);
		}
	}

	/** An IQ with an empty child element, for namespaces Smack has no class for. */
	public static IQ iq(String to, IQ.Type type, String element, String namespace) {
		IQ iq = new IQ(element, namespace) {
			@Override
			protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
				xml.setEmptyElement();
				return xml;
			}
		};
		iq.setType(type);
		iq.setTo(jid(to));
		return iq;
	}

	public static Jid jid(String address) {
		try {
			return JidCreate.from(address);
		}
		catch (XmppStringprepException ex) {
			throw new IllegalArgumentException(address, ex);
		}
	}

	@Override
	public void close() {
		this.connection.disconnect();
	}

}
