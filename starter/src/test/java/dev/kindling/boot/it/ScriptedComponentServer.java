package dev.kindling.boot.it;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The server side of XEP-0114 on loopback, for what a real server never sends: it accepts each
 * connection of the component, checks the handshake like Prosody does, and then lets the test write
 * raw bytes into the stream and read what the component wrote. Prosody cannot be made to send
 * malformed or hostile XML, so these tests need their own server.
 */
final class ScriptedComponentServer implements Closeable {

	private final ServerSocket server;

	private final String domain;

	private final String secret;

	private final BlockingQueue<Session> sessions = new LinkedBlockingQueue<>();

	private final Thread acceptor;

	ScriptedComponentServer(String domain, String secret) throws IOException {
		this.domain = domain;
		this.secret = secret;
		this.server = new ServerSocket();
		this.server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
		this.acceptor = new Thread(this::acceptLoop, "scripted-server-acceptor");
		this.acceptor.setDaemon(true);
		this.acceptor.start();
	}

	int port() {
		return this.server.getLocalPort();
	}

	String domain() {
		return this.domain;
	}

	/** The next component session that completed its handshake. */
	Session awaitSession(Duration timeout) throws InterruptedException {
		Session session = this.sessions.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
		if (session == null) {
			throw new AssertionError("No component session within " + timeout);
		}
		return session;
	}

	private void acceptLoop() {
		while (!this.server.isClosed()) {
			try {
				Socket socket = this.server.accept();
				Thread thread = new Thread(() -> handshake(socket), "scripted-server-session");
				thread.setDaemon(true);
				thread.start();
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	private void handshake(Socket socket) {
		try {
			InputStream in = socket.getInputStream();
			OutputStream out = socket.getOutputStream();
			StringBuilder text = new StringBuilder();
			readUntil(in, text, "<stream:stream", ">");
			String streamId = UUID.randomUUID().toString();
			write(out, "<?xml version='1.0'?><stream:stream xmlns:stream='http://etherx.jabber.org/streams' "
					+ "xmlns='jabber:component:accept' from='" + this.domain + "' id='" + streamId + "'>");
			text.setLength(0);
			readUntil(in, text, "<handshake", "</handshake>");
			String digest = text.substring(text.indexOf(">", text.indexOf("<handshake")) + 1, text.indexOf("</handshake>"));
			if (!digest.equals(sha1Hex(streamId + this.secret))) {
				write(out, "<stream:error><not-authorized xmlns='urn:ietf:params:xml:ns:xmpp-streams'/></stream:error>"
						+ "</stream:stream>");
				socket.close();
				return;
			}
			write(out, "<handshake/>");
			this.sessions.add(new Session(socket, in, out));
		}
		catch (IOException ex) {
			closeQuietly(socket);
		}
	}

	private static void readUntil(InputStream in, StringBuilder text, String start, String end) throws IOException {
		byte[] buffer = new byte[4096];
		while (text.indexOf(start) < 0 || text.indexOf(end, text.indexOf(start)) < 0) {
			int n = in.read(buffer);
			if (n < 0) {
				throw new IOException("closed during the handshake");
			}
			text.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
		}
	}

	private static void write(OutputStream out, String text) throws IOException {
		out.write(text.getBytes(StandardCharsets.UTF_8));
		out.flush();
	}

	static String sha1Hex(String value) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// already gone
		}
	}

	@Override
	public void close() throws IOException {
		this.server.close();
		Session session;
		while ((session = this.sessions.poll()) != null) {
			session.close();
		}
	}

	/** One authenticated component stream: what the component wrote, and a way to write to it. */
	static final class Session implements Closeable {

		private final Socket socket;

		private final OutputStream out;

		private final StringBuffer received = new StringBuffer();

		private volatile boolean closedByPeer;

		Session(Socket socket, InputStream in, OutputStream out) {
			this.socket = socket;
			this.out = out;
			Thread reader = new Thread(() -> {
				byte[] buffer = new byte[8192];
				try {
					int n;
					while ((n = in.read(buffer)) >= 0) {
						this.received.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
					}
				}
				catch (IOException ex) {
					// a reset counts as closed too
				}
				this.closedByPeer = true;
			}, "scripted-server-reader");
			reader.setDaemon(true);
			reader.start();
		}

		/**
		 * Write raw bytes on a separate thread: the component may reset the connection halfway
		 * through a large write, which must not fail the test.
		 */
		void send(String text) {
			send(text.getBytes(StandardCharsets.UTF_8));
		}

		void send(byte[] bytes) {
			Thread writer = new Thread(() -> {
				try {
					this.out.write(bytes);
					this.out.flush();
				}
				catch (IOException ex) {
					// the component hung up on us: expected for hostile input
				}
			}, "scripted-server-writer");
			writer.setDaemon(true);
			writer.start();
		}

		/** Everything the component wrote on this stream so far. */
		String received() {
			return this.received.toString();
		}

		/** Whether the component closed or reset this stream. */
		boolean isClosedByPeer() {
			return this.closedByPeer;
		}

		@Override
		public void close() {
			closeQuietly(this.socket);
		}

	}

}
