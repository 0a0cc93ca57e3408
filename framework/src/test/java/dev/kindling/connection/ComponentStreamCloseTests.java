package dev.kindling.connection;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;

import dev.kindling.observe.DropReason;
import dev.kindling.observe.StanzaObserver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The end of a stream against a server played by the test: queued replies and a ping go out before
 * {@code </stream:stream>}, what arrives before the ping's answer is still handed on, and what
 * arrives after it cannot be answered and is counted.
 */
class ComponentStreamCloseTests {

	private static final String DOMAIN = "bot.example.com";

	@Test
	void writesQueuedRepliesAndAPingBeforeTheEndAndCountsWhatArrivesAfterThePingsAnswer() throws Exception {
		try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			ComponentEndpoint endpoint = new ComponentEndpoint("127.0.0.1", server.getLocalPort(), DOMAIN, "secret");
			CompletableFuture<ComponentStream> opening = CompletableFuture
				.supplyAsync(() -> ComponentStream.open(endpoint, ConnectionSettings.defaults()));
			try (Socket peer = server.accept()) {
				peer.setSoTimeout(5000);
				InputStream in = peer.getInputStream();
				OutputStream out = peer.getOutputStream();
				readUntil(in, "'>");
				write(out, "<stream:stream xmlns='jabber:component:accept' xmlns:stream='http://etherx.jabber.org/streams' "
						+ "from='" + DOMAIN + "' id='s1'>");
				readUntil(in, "</handshake>");
				write(out, "<handshake/>");
				ComponentStream stream = opening.get(5, TimeUnit.SECONDS);

				List<Packet> handedOn = new CopyOnWriteArrayList<>();
				List<Packet> late = new CopyOnWriteArrayList<>();
				StanzaObserver observer = new StanzaObserver() {

					@Override
					public void dropped(Packet stanza, DropReason reason) {
						if (reason == DropReason.AFTER_STREAM_END) {
							late.add(stanza);
						}
					}

				};
				OutboundQueue outbound = TestOutboundQueues.open(10);
				stream.start(handedOn::add, outbound, observer, (cause) -> {
					throw new AssertionError("no loss expected", cause);
				});
				outbound.offer(chat(DOMAIN, "alice@example.com/a", "queued reply"));

				CompletableFuture<Void> closing = CompletableFuture.runAsync(() -> stream.close(Duration.ofSeconds(5)));
				String beforePing = readUntil(in, "<ping xmlns='urn:xmpp:ping'/></iq>");
				assertThat(beforePing).contains("queued reply").contains("id='kindling-end'").doesNotContain("</stream:stream>");

				write(out, xml(chat("bob@example.com/b", DOMAIN, "routed before the answer")));
				write(out, "<iq type='result' id='kindling-end' from='example.com' to='" + DOMAIN + "'/>");
				write(out, xml(chat("carol@example.com/c", DOMAIN, "routed after the answer")));
				String end = readUntil(in, "</stream:stream>");
				assertThat(end).endsWith("</stream:stream>");
				write(out, xml(chat("dave@example.com/d", DOMAIN, "routed after the end")) + "</stream:stream>");
				closing.get(5, TimeUnit.SECONDS);

				assertThat(handedOn).extracting((stanza) -> ((Message) stanza).getBody())
					.containsExactly("routed before the answer");
				assertThat(late).extracting((stanza) -> ((Message) stanza).getBody())
					.containsExactly("routed after the answer", "routed after the end");
				assertThat(stream.unansweredAfterEnd()).isEqualTo(2);
				assertThat(outbound.isOpen()).as("refused once the end is written").isFalse();
				assertThat(in.read()).as("nothing after the end").isEqualTo(-1);
			}
		}
	}

	@Test
	void aHoldTheServerGrantsEndsTheStreamWithoutAPing() throws Exception {
		try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			ComponentEndpoint endpoint = new ComponentEndpoint("127.0.0.1", server.getLocalPort(), DOMAIN, "secret");
			CompletableFuture<ComponentStream> opening = CompletableFuture
				.supplyAsync(() -> ComponentStream.open(endpoint, ConnectionSettings.defaults()));
			try (Socket peer = server.accept()) {
				InputStream in = peer.getInputStream();
				OutputStream out = peer.getOutputStream();
				ComponentStream stream = handshake(peer, opening);
				List<Packet> handedOn = new CopyOnWriteArrayList<>();
				OutboundQueue outbound = TestOutboundQueues.open(10);
				stream.start(handedOn::add, outbound, new StanzaObserver() {
				}, (cause) -> {
					throw new AssertionError("no loss expected", cause);
				});

				CompletableFuture<Boolean> holding = CompletableFuture.supplyAsync(() -> stream.hold(Duration.ofSeconds(5)));
				String request = readUntil(in, "</iq>");
				assertThat(request).contains("id='kindling-hold'").contains("to='" + DOMAIN + "'")
					.contains("<drain xmlns='urn:kindling:handover:0'/>");
				write(out, xml(chat("bob@example.com/b", DOMAIN, "routed before the answer")));
				write(out, "<iq type='result' id='kindling-hold' from='" + DOMAIN + "' to='" + DOMAIN + "'/>");
				assertThat(holding.get(5, TimeUnit.SECONDS)).isTrue();

				outbound.offer(chat(DOMAIN, "bob@example.com/b", "queued reply"));
				CompletableFuture<Void> closing = CompletableFuture.runAsync(() -> stream.close(Duration.ofSeconds(5)));
				String end = readUntil(in, "</stream:stream>");
				assertThat(end).contains("queued reply").doesNotContain("urn:xmpp:ping");
				write(out, "</stream:stream>");
				closing.get(5, TimeUnit.SECONDS);
				assertThat(handedOn).extracting((stanza) -> ((Message) stanza).getBody())
					.containsExactly("routed before the answer");
				assertThat(stream.unansweredAfterEnd()).isZero();
			}
		}
	}

	/**
	 * One of several replicas: the server's own answer would reach whichever replica its address
	 * hashes to, so the ping goes from and to the replica's home, and coming back is the barrier.
	 */
	@Test
	void aReplicasPingGoesThroughItsHomeAndComingBackReleasesTheEnd() throws Exception {
		try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			ComponentEndpoint endpoint = new ComponentEndpoint("127.0.0.1", server.getLocalPort(), DOMAIN, "secret");
			CompletableFuture<ComponentStream> opening = CompletableFuture
				.supplyAsync(() -> ComponentStream.open(endpoint, ConnectionSettings.defaults()));
			try (Socket peer = server.accept()) {
				InputStream in = peer.getInputStream();
				OutputStream out = peer.getOutputStream();
				ComponentStream stream = handshake(peer, opening);
				List<Packet> handedOn = new CopyOnWriteArrayList<>();
				OutboundQueue outbound = TestOutboundQueues.open(10);
				stream.start(handedOn::add, outbound, new StanzaObserver() {
				}, (cause) -> {
					throw new AssertionError("no loss expected", cause);
				});
				String home = "kindling.3@" + DOMAIN;
				stream.routeBarrierThrough(home);

				long start = System.nanoTime();
				CompletableFuture<Void> closing = CompletableFuture.runAsync(() -> stream.close(Duration.ofSeconds(20)));
				String ping = readUntil(in, "<ping xmlns='urn:xmpp:ping'/></iq>");
				assertThat(ping).contains("id='kindling-end'").contains("from='" + home + "'").contains("to='" + home + "'");
				write(out, xml(chat("bob@example.com/b", DOMAIN, "routed before the ping")));
				write(out, ping.substring(ping.indexOf("<iq")));
				readUntil(in, "</stream:stream>");
				write(out, "</stream:stream>");
				closing.get(5, TimeUnit.SECONDS);
				assertThat(Duration.ofNanos(System.nanoTime() - start)).as("released by the ping, not by the deadline")
					.isLessThan(Duration.ofSeconds(5));
				assertThat(handedOn).extracting((stanza) -> ((Message) stanza).getBody())
					.containsExactly("routed before the ping");
				assertThat(stream.unansweredAfterEnd()).isZero();
			}
		}
	}

	/** A server without Kindling's module routes the request, addressed to the domain, back to it. */
	@Test
	void aHoldRequestThatComesBackIsNotHandedOnAndTheCloseFallsBackToThePing() throws Exception {
		try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			ComponentEndpoint endpoint = new ComponentEndpoint("127.0.0.1", server.getLocalPort(), DOMAIN, "secret");
			CompletableFuture<ComponentStream> opening = CompletableFuture
				.supplyAsync(() -> ComponentStream.open(endpoint, ConnectionSettings.defaults()));
			try (Socket peer = server.accept()) {
				InputStream in = peer.getInputStream();
				OutputStream out = peer.getOutputStream();
				ComponentStream stream = handshake(peer, opening);
				List<Packet> handedOn = new CopyOnWriteArrayList<>();
				OutboundQueue outbound = TestOutboundQueues.open(10);
				stream.start(handedOn::add, outbound, new StanzaObserver() {
				}, (cause) -> {
					throw new AssertionError("no loss expected", cause);
				});

				CompletableFuture<Boolean> holding = CompletableFuture.supplyAsync(() -> stream.hold(Duration.ofSeconds(5)));
				String request = readUntil(in, "</iq>");
				write(out, request.substring(request.indexOf("<iq")));
				assertThat(holding.get(5, TimeUnit.SECONDS)).isFalse();

				CompletableFuture<Void> closing = CompletableFuture.runAsync(() -> stream.close(Duration.ofSeconds(5)));
				assertThat(readUntil(in, "<ping xmlns='urn:xmpp:ping'/></iq>")).contains("id='kindling-end'");
				write(out, "<iq type='result' id='kindling-end' from='example.com' to='" + DOMAIN + "'/>");
				readUntil(in, "</stream:stream>");
				write(out, "</stream:stream>");
				closing.get(5, TimeUnit.SECONDS);
				assertThat(handedOn).as("our own request is not work").isEmpty();
			}
		}
	}

	private static ComponentStream handshake(Socket peer, CompletableFuture<ComponentStream> opening) throws Exception {
		peer.setSoTimeout(5000);
		readUntil(peer.getInputStream(), "'>");
		write(peer.getOutputStream(), "<stream:stream xmlns='jabber:component:accept' "
				+ "xmlns:stream='http://etherx.jabber.org/streams' from='" + DOMAIN + "' id='s1'>");
		readUntil(peer.getInputStream(), "</handshake>");
		write(peer.getOutputStream(), "<handshake/>");
		return opening.get(5, TimeUnit.SECONDS);
	}

	private static Message chat(String from, String to, String body) {
		Message message = new Message();
		message.setType(Message.Type.chat);
		message.setFrom(new JID(from));
		message.setTo(new JID(to));
		message.setBody(body);
		return message;
	}

	private static String xml(Packet stanza) {
		return stanza.toXML();
	}

	private static void write(OutputStream out, String text) throws IOException {
		out.write(text.getBytes(StandardCharsets.UTF_8));
		out.flush();
	}

	/** Read byte by byte until {@code marker}: nothing after it is consumed. */
	private static String readUntil(InputStream in, String marker) throws IOException {
		StringBuilder read = new StringBuilder();
		while (read.indexOf(marker) < 0) {
			int b = in.read();
			if (b < 0) {
				throw new AssertionError("The stream ended before '" + marker + "': " + read);
			}
			read.append((char) b);
		}
		return read.toString();
	}

}
