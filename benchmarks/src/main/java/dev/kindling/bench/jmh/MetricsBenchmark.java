package dev.kindling.bench.jmh;

import java.util.concurrent.TimeUnit;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.dom4j.DocumentException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.xmpp.packet.Message;

import dev.kindling.boot.actuate.metrics.XmppStanzaMetrics;
import dev.kindling.handler.Replies;
import dev.kindling.handler.StanzaHandler;

/**
 * What Kindling's meters cost per echoed stanza with a Prometheus registry, as the echo bot runs:
 * the received and sent counters and the handler timer, on one thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class MetricsBenchmark {

	private XmppStanzaMetrics metrics;

	private StanzaHandler handler;

	private Message chat;

	private Message reply;

	@Setup
	public void setUp() throws DocumentException {
		this.metrics = new XmppStanzaMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
		this.handler = Routers.registry(Routers.factory(), Routers.handlers(1)).handlers().get(0);
		this.chat = HotPathBenchmark.inbound("<message type='chat' id='42' from='u7@localhost/r7' to='echo@bench.localhost'>"
				+ "<body>hello 42</body></message>");
		this.reply = Replies.message(this.chat, "hello 42");
	}

	/** received + handled (timer) + sent, as one echoed chat message costs. */
	@Benchmark
	public void echoedStanza() {
		this.metrics.received(this.chat);
		this.metrics.handled(this.handler, this.chat, 1_500, null);
		this.metrics.sent(this.reply);
	}

}
