package dev.kindling.boot.it;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.dom4j.QName;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.xmpp.packet.Packet;
import org.xmpp.packet.PacketError.Condition;

import dev.kindling.XmppErrorException;
import dev.kindling.devserver.ProsodyServer;
import dev.kindling.handler.Body;
import dev.kindling.handler.IqType;
import dev.kindling.handler.MessageType;
import dev.kindling.handler.OnIq;
import dev.kindling.handler.OnMessage;
import dev.kindling.observe.DropReason;
import dev.kindling.observe.ObservedHandler;
import dev.kindling.observe.StanzaObserver;

/**
 * The bot the integration tests run against a real Prosody: an echo, a failing handler, a
 * handler that blocks until the test lets it go, and one that answers later.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class TestBot {

	static final String FAIL_NS = "urn:kindling:test:fail";

	static final String REFUSE_NS = "urn:kindling:test:refuse";

	static final String BLOCK_NS = "urn:kindling:test:block";

	static final String LATER_NS = "urn:kindling:test:later";

	/** Start the bot against the given server with extra properties. */
	static ConfigurableApplicationContext start(ProsodyServer server, String... properties) {
		return start(server, WebApplicationType.NONE, properties);
	}

	/** Start the bot with a web server on a free loopback port, for the actuator endpoints. */
	static ConfigurableApplicationContext startWeb(ProsodyServer server, String... properties) {
		String[] all = new String[properties.length + 2];
		all[0] = "--server.port=0";
		all[1] = "--server.address=127.0.0.1";
		System.arraycopy(properties, 0, all, 2, properties.length);
		return start(server, WebApplicationType.SERVLET, all);
	}

	private static ConfigurableApplicationContext start(ProsodyServer server, WebApplicationType web,
			String... properties) {
		return new SpringApplicationBuilder(TestBot.class).web(web)
			.properties(Map.of("xmpp.component.host", server.host(), "xmpp.component.port", server.componentPort(),
					"xmpp.component.domain", server.componentDomain(), "xmpp.component.secret", server.componentSecret(),
					"xmpp.component.backoff.min-delay", "200ms", "xmpp.component.backoff.max-delay", "2s",
					"spring.main.banner-mode", "off"))
			.run(properties);
	}

	@Bean
	Handlers handlers(Gate gate) {
		return new Handlers(gate);
	}

	@Bean
	Gate gate() {
		return new Gate();
	}

	@Bean
	RecordingObserver recordingObserver() {
		return new RecordingObserver();
	}

	/** Remembers what the component received, wrote and handled. */
	static final class RecordingObserver implements StanzaObserver {

		final List<Packet> received = new CopyOnWriteArrayList<>();

		final List<Packet> sent = new CopyOnWriteArrayList<>();

		final List<String> handled = new CopyOnWriteArrayList<>();

		final Map<DropReason, AtomicInteger> dropped = new ConcurrentHashMap<>();

		@Override
		public void received(Packet stanza) {
			this.received.add(stanza);
		}

		@Override
		public void sent(Packet stanza) {
			this.sent.add(stanza);
		}

		@Override
		public void dropped(Packet stanza, DropReason reason) {
			this.dropped.computeIfAbsent(reason, (key) -> new AtomicInteger()).incrementAndGet();
		}

		int dropped(DropReason reason) {
			AtomicInteger count = this.dropped.get(reason);
			return (count != null) ? count.get() : 0;
		}

		@Override
		public void handled(ObservedHandler handler, Packet stanza, long nanos, Throwable failure) {
			this.handled.add(handler.name() + ((failure != null) ? " failed" : ""));
		}

	}

	/** Holds {@code BLOCK_NS} handlers until the test opens it. */
	static final class Gate {

		private volatile CountDownLatch latch = new CountDownLatch(1);

		void close() {
			this.latch = new CountDownLatch(1);
		}

		void open() {
			this.latch.countDown();
		}

		void pass() throws InterruptedException {
			if (!this.latch.await(30, TimeUnit.SECONDS)) {
				throw new IllegalStateException("gate never opened");
			}
		}

	}

	static class Handlers {

		private final Gate gate;

		Handlers(Gate gate) {
			this.gate = gate;
		}

		@OnMessage(type = MessageType.CHAT)
		String echo(@Body String body) {
			return body;
		}

		@OnIq(namespace = FAIL_NS, type = IqType.GET)
		void fail() {
			throw new IllegalStateException("secret detail of the failure");
		}

		@OnIq(namespace = REFUSE_NS, type = IqType.GET)
		void refuse() {
			throw new XmppErrorException(Condition.not_allowed, "Only referees may do that");
		}

		@OnIq(namespace = BLOCK_NS, type = IqType.GET)
		void block() throws InterruptedException {
			this.gate.pass();
		}

		@OnIq(namespace = LATER_NS, type = IqType.GET)
		CompletableFuture<Element> later() {
			return CompletableFuture.supplyAsync(() -> DocumentHelper.createElement(QName.get("done", LATER_NS)),
					CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS));
		}

	}

}
