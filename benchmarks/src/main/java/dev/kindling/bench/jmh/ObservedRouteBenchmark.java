package dev.kindling.bench.jmh;

import java.util.List;
import java.util.concurrent.TimeUnit;

import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
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

import dev.kindling.handler.StanzaHandlerFactory;
import dev.kindling.handler.XmppExceptionHandlers;
import dev.kindling.observe.StanzaObserver;
import dev.kindling.routing.StanzaRouter;
import dev.kindling.template.PendingRequests;

/**
 * The echo route ({@code HotPathBenchmark.routeChat}'s set-up) with handler observations off
 * ({@code ObservationRegistry.NOOP}, the default) and on, with one handler that does nothing: the
 * floor of what observing costs per stanza before any tracer or meter does its own work.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ObservedRouteBenchmark {

	@Param({ "false", "true" })
	public boolean observed;

	private StanzaRouter router;

	private CountingTemplate template;

	private Message chat;

	@Setup
	public void setUp() throws DocumentException {
		this.template = new CountingTemplate();
		StanzaHandlerFactory factory = Routers.factory();
		this.router = new StanzaRouter(Routers.registry(factory, new EchoHandler()), factory.returnValueHandlers(),
				this.template, new PendingRequests(100, StanzaObserver.NONE), StanzaObserver.NONE, List.of(),
				XmppExceptionHandlers.none());
		if (this.observed) {
			ObservationRegistry registry = ObservationRegistry.create();
			registry.observationConfig().observationHandler(new ObservationHandler<>() {

				@Override
				public boolean supportsContext(io.micrometer.observation.Observation.Context context) {
					return true;
				}

			});
			this.router.setObservationRegistry(registry);
		}
		this.chat = HotPathBenchmark.inbound("<message type='chat' id='42' from='u7@localhost/r7' to='echo@bench.localhost'>"
				+ "<body>hello 42</body></message>");
	}

	@Benchmark
	public Packet routeChat() {
		this.router.route(this.chat);
		return this.template.last;
	}

}
