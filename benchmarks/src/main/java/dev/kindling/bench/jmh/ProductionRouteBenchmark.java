package dev.kindling.bench.jmh;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.dom4j.DocumentException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;

import dev.kindling.handler.HandlerRegistry;
import dev.kindling.handler.StanzaHandlerFactory;
import dev.kindling.handler.XmppExceptionHandlers;
import dev.kindling.muc.Invitations;
import dev.kindling.muc.MucRooms;
import dev.kindling.muc.MucSettings;
import dev.kindling.muc.RoomTraffic;
import dev.kindling.observe.StanzaObserver;
import dev.kindling.payload.PayloadMapper;
import dev.kindling.presence.InMemorySubscriberStore;
import dev.kindling.presence.PresenceManager;
import dev.kindling.presence.PresenceSettings;
import dev.kindling.pubsub.PubSubEventDispatcher;
import dev.kindling.routing.RoutingInterceptor;
import dev.kindling.routing.StanzaRouter;
import dev.kindling.template.PendingRequests;

/**
 * An echoed chat message routed as the benchmark app routes it ({@code features = true}): behind
 * the MUC and presence interceptors and beside the pubsub event handler the starter registers,
 * against the echo handler alone ({@code false}, {@code HotPathBenchmark.routeChat}'s set-up).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ProductionRouteBenchmark {

	@Param({ "false", "true" })
	public boolean features;

	private StanzaRouter router;

	private CountingTemplate template;

	private Message chat;

	@Setup
	public void setUp() throws DocumentException {
		this.template = new CountingTemplate();
		StanzaHandlerFactory factory = Routers.factory();
		List<RoutingInterceptor> interceptors = List.of();
		HandlerRegistry registry;
		if (this.features) {
			// The dispatcher's handler joins the table; the benchmark routes no events, so its own router is a bare one.
			StanzaRouter eventRouter = new StanzaRouter(new HandlerRegistry(), factory.returnValueHandlers(), this.template,
					new PendingRequests(100, StanzaObserver.NONE), StanzaObserver.NONE, List.of(),
					XmppExceptionHandlers.none());
			registry = Routers.registry(factory, new EchoHandler(),
					new PubSubEventDispatcher(PayloadMapper.withDefaults(), factory, eventRouter));
			MucRooms rooms = new MucRooms(this.template, MucSettings.defaults(), (event) -> {
			}, List.of());
			interceptors = List.of(new RoomTraffic(rooms, new Invitations(rooms, (event) -> {
			})), new PresenceManager(this.template, new InMemorySubscriberStore(), PresenceSettings.defaults(), null,
					new Object()));
		}
		else {
			registry = Routers.registry(factory, new EchoHandler());
		}
		this.router = new StanzaRouter(registry, factory.returnValueHandlers(), this.template,
				new PendingRequests(100, StanzaObserver.NONE), StanzaObserver.NONE,
				interceptors, XmppExceptionHandlers.none());
		this.chat = HotPathBenchmark.inbound("<message type='chat' id='42' from='u7@localhost/r7' to='echo@bench.localhost'>"
				+ "<body>hello 42</body></message>");
	}

	@Benchmark
	public Packet routeChat() {
		this.router.route(this.chat);
		return this.template.last;
	}

}
