package dev.kindling.bench;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Plays the server side of XEP-0114 on loopback: accepts one component connection, performs the
 * handshake, then drives closed-loop load through a {@link Session}. Only ever binds 127.0.0.1.
 */
public final class LoadGenerator implements Closeable {

	private final ServerSocket server;

	private final String domain;

	private final String secret;

	public LoadGenerator(String domain, String secret) throws IOException {
		this.domain = domain;
		this.secret = secret;
		this.server = new ServerSocket();
		this.server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1);
	}

	public int port() {
		return this.server.getLocalPort();
	}

	/**
	 * Wait for the component, check its handshake and accept it.
	 * @throws IOException when nothing connects in time or the handshake is wrong
	 */
	public Session accept(Duration timeout) throws IOException {
		Connection connection = handshake(timeout);
		return new Session(connection.socket(), connection.in(), connection.out(), connection.input(), this.domain,
				connection.handshakeNanos());
	}

	/**
	 * Wait for the component and check its handshake, leaving the stream to a driver other than
	 * {@link Session} (e.g. {@link ToetemSession}).
	 * @throws IOException when nothing connects in time or the handshake is wrong
	 */
	Connection handshake(Duration timeout) throws IOException {
		this.server.setSoTimeout((int) timeout.toMillis());
		Socket socket = this.server.accept();
		try {
			socket.setTcpNoDelay(true);
			socket.setSoTimeout((int) timeout.toMillis());
			socket.setReceiveBufferSize(1 << 20);
			socket.setSendBufferSize(1 << 20);
			InputStream in = socket.getInputStream();
			OutputStream out = socket.getOutputStream();
			ByteBuffer buffer = new ByteBuffer(1 << 16);
			readUntil(in, buffer, ">", "<stream:stream");
			String header = buffer.text();
			if (!header.contains("jabber:component:accept")) {
				throw new IOException("Not a component stream header: " + header);
			}
			buffer.clear();
			String componentDomain = attribute(header, "to");
			String streamId = UUID.randomUUID().toString().replace("-", "");
			out.write(("<?xml version='1.0'?><stream:stream xmlns:stream='http://etherx.jabber.org/streams' "
					+ "xmlns='jabber:component:accept' from='" + componentDomain + "' id='" + streamId + "'>")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			readUntil(in, buffer, "</handshake>", "<handshake");
			String text = buffer.text();
			String digest = text.substring(text.indexOf('>', text.indexOf("<handshake")) + 1, text.indexOf("</handshake>"))
				.trim();
			if (!digest.equalsIgnoreCase(sha1Hex(streamId + this.secret))) {
				out.write("<stream:error><not-authorized xmlns='urn:ietf:params:xml:ns:xmpp-streams'/></stream:error></stream:stream>"
					.getBytes(StandardCharsets.US_ASCII));
				out.flush();
				throw new IOException("Wrong handshake digest");
			}
			out.write("<handshake/>".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			buffer.consumeThrough(text.indexOf("</handshake>") + "</handshake>".length());
			return new Connection(socket, in, out, buffer, System.nanoTime());
		}
		catch (IOException | RuntimeException ex) {
			socket.close();
			throw ex;
		}
	}

	private static String attribute(String tag, String name) {
		int at = tag.indexOf(" " + name + "=");
		if (at < 0) {
			return "";
		}
		char quote = tag.charAt(at + name.length() + 2);
		int start = at + name.length() + 3;
		return tag.substring(start, tag.indexOf(quote, start));
	}

	private static void readUntil(InputStream in, ByteBuffer buffer, String end, String after) throws IOException {
		while (true) {
			String text = buffer.text();
			int start = text.indexOf(after);
			if (start >= 0 && text.indexOf(end, start) >= 0) {
				return;
			}
			if (buffer.readFrom(in) < 0) {
				throw new IOException("The component closed the connection during the handshake: " + text);
			}
		}
	}

	static String sha1Hex(String value) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-1").digest(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() throws IOException {
		this.server.close();
	}

	/** An accepted component stream after the handshake; {@code input} holds bytes read past it. */
	record Connection(Socket socket, InputStream in, OutputStream out, ByteBuffer input, long handshakeNanos) {
	}

	/** What the generator sends. */
	public enum Workload {

		/** Chat messages the component must echo with the same id. */
		CHAT,

		/** XEP-0199 pings the component must answer. */
		PING

	}

	/** A growable byte array that can read from a stream and drop consumed bytes. */
	static final class ByteBuffer {

		byte[] data;

		int length;

		ByteBuffer(int capacity) {
			this.data = new byte[capacity];
		}

		int readFrom(InputStream in) throws IOException {
			if (this.length == this.data.length) {
				byte[] bigger = new byte[this.data.length * 2];
				System.arraycopy(this.data, 0, bigger, 0, this.length);
				this.data = bigger;
			}
			int n = in.read(this.data, this.length, this.data.length - this.length);
			if (n > 0) {
				this.length += n;
			}
			return n;
		}

		void consumeThrough(int end) {
			System.arraycopy(this.data, end, this.data, 0, this.length - end);
			this.length -= end;
		}

		void clear() {
			this.length = 0;
		}

		String text() {
			return new String(this.data, 0, this.length, StandardCharsets.UTF_8);
		}

		void append(byte[] bytes) {
			ensure(bytes.length);
			System.arraycopy(bytes, 0, this.data, this.length, bytes.length);
			this.length += bytes.length;
		}

		void append(byte b) {
			ensure(1);
			this.data[this.length++] = b;
		}

		void appendDecimal(long value) {
			ensure(20);
			if (value == 0) {
				this.data[this.length++] = '0';
				return;
			}
			int digits = 0;
			for (long v = value; v > 0; v /= 10) {
				digits++;
			}
			for (int i = this.length + digits - 1; i >= this.length; i--) {
				this.data[i] = (byte) ('0' + (value % 10));
				value /= 10;
			}
			this.length += digits;
		}

		private void ensure(int more) {
			if (this.length + more > this.data.length) {
				byte[] bigger = new byte[Math.max(this.data.length * 2, this.length + more)];
				System.arraycopy(this.data, 0, bigger, 0, this.length);
				this.data = bigger;
			}
		}

	}

	/** Reads socket timeouts as "nothing yet" so the loop can check its clocks. */
	static int readSome(InputStream in, ByteBuffer buffer) throws IOException {
		try {
			return buffer.readFrom(in);
		}
		catch (SocketTimeoutException ex) {
			return 0;
		}
	}

}
