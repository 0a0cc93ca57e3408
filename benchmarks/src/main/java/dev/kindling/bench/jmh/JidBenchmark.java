package dev.kindling.bench.jmh;

import java.io.IOException;
import java.io.StringReader;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.xmlpull.v1.XmlPullParserException;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;

import dev.kindling.StanzaAddresses;
import dev.kindling.connection.StanzaReader;
import dev.kindling.routing.StanzaRouter;

/**
 * Never-seen sender JIDs. {@code stringprepMiss}: what {@code new JID(String)} costs for a JID
 * Tinder has not cached (every call uses a new resource). {@code kindlingInbound}: 100,000 chat
 * messages from 100,000 distinct senders (new ones each invocation) through Kindling's inbound
 * path: Kindling's {@code StanzaReader} (XPP3 into dom4j), the packet built with skip-validation as {@code ComponentStream}
 * does, the dispatcher's ordering key ({@code StanzaAddresses.bareFrom}), and routing to the echo handler with its reply. If that
 * path re-ran stringprep it would cost as much per stanza as {@code stringprepMiss}.
 */
@State(Scope.Thread)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class JidBenchmark {

	private static final int SENDERS = 100_000;

	private long counter;

	/** 100,000 stanzas from senders never seen before, rebuilt before each invocation (not timed). */
	@State(Scope.Thread)
	public static class DistinctSenders {

		private long batch;

		String stream;

		StanzaRouter router;

		CountingTemplate template;

		@Setup(Level.Trial)
		public void setUpRouter() {
			this.template = new CountingTemplate();
			this.router = Routers.router(this.template, 1);
		}

		@Setup(Level.Invocation)
		public void newSenders() {
			long batch = this.batch++;
			StringBuilder xml = new StringBuilder(SENDERS * 140);
			xml.append("<stream:stream xmlns='jabber:component:accept' xmlns:stream='http://etherx.jabber.org/streams'>");
			for (int i = 0; i < SENDERS; i++) {
				xml.append("<message type='chat' id='").append(i).append("' from='user").append(i).append("b").append(batch)
					.append("@localhost/res").append(i).append("b").append(batch)
					.append("' to='echo@bench.localhost'><body>hi</body></message>");
			}
			this.stream = xml.toString();
		}

	}

	@Benchmark
	@BenchmarkMode(Mode.SingleShotTime)
	@OperationsPerInvocation(SENDERS)
	@Warmup(iterations = 3)
	@Measurement(iterations = 5)
	public long kindlingInbound(DistinctSenders senders) throws XmlPullParserException, IOException {
		StanzaReader reader = new StanzaReader(new StringReader(senders.stream));
		reader.parser().nextTag();
		long keys = 0;
		for (int i = 0; i < SENDERS; i++) {
			Message message = new Message(reader.next(), true);
			keys += StanzaAddresses.bareFrom(message).length();
			senders.router.route(message);
		}
		return keys + senders.template.sent;
	}

	@Benchmark
	@BenchmarkMode(Mode.AverageTime)
	@Warmup(iterations = 1, time = 1)
	@Measurement(iterations = 3, time = 1)
	public JID stringprepMiss() {
		long n = this.counter++;
		return new JID("user" + n + "x@localhost/res" + n + "x");
	}

	@Benchmark
	@BenchmarkMode(Mode.AverageTime)
	@Warmup(iterations = 1, time = 1)
	@Measurement(iterations = 3, time = 1)
	public JID stringprepHit() {
		return new JID("user1@localhost/res1");
	}

	@Benchmark
	@BenchmarkMode(Mode.AverageTime)
	@Warmup(iterations = 1, time = 1)
	@Measurement(iterations = 3, time = 1)
	public JID skipValidation() {
		long n = this.counter++;
		return new JID("user" + n + "x@localhost/res" + n + "x", true);
	}

}
