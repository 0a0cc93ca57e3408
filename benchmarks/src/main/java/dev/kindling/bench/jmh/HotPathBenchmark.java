package dev.kindling.bench.jmh;

import java.io.IOException;
import java.io.StringWriter;
import java.util.concurrent.TimeUnit;

import org.dom4j.DocumentException;
import org.dom4j.DocumentHelper;
import org.dom4j.io.OutputFormat;
import org.dom4j.io.XMLWriter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.xmpp.packet.IQ;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;
import org.xmpp.packet.PacketError;

import dev.kindling.XmppErrorException;
import dev.kindling.connection.StanzaWriter;
import dev.kindling.handler.HandlerRegistry;
import dev.kindling.handler.Replies;
import dev.kindling.routing.StanzaErrors;
import dev.kindling.routing.StanzaRouter;

/**
 * The per-stanza work between the reader and the writer, one piece at a time: picking the handler
 * (1 or 100 handlers), binding arguments and invoking it with its reply handed to the template,
 * mapping an exception to a stanza error, and serializing the reply as the writer does.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class HotPathBenchmark {

	@Param({ "1", "100" })
	public int handlers;

	private HandlerRegistry registry;

	private StanzaRouter router;

	private CountingTemplate template;

	private Message chat;

	private Message refused;

	private IQ ping;

	private Message reply;

	private XMLWriter writer;

	private StringWriter sink;

	private final StanzaWriter stanzaWriter = new StanzaWriter();

	private final StringBuilder text = new StringBuilder(1 << 16);

	private final XmppErrorException notAllowed = new XmppErrorException(PacketError.Condition.not_allowed, "no");

	@Setup
	public void setUp() throws DocumentException {
		this.template = new CountingTemplate();
		this.registry = Routers.registry(Routers.factory(), Routers.handlers(this.handlers));
		this.router = Routers.router(this.template, this.handlers);
		this.chat = inbound("<message type='chat' id='42' from='u7@localhost/r7' to='echo@bench.localhost'>"
				+ "<body>hello 42</body></message>");
		this.refused = inbound("<message type='chat' id='43' from='u7@localhost/r7' to='refuse@bench.localhost'>"
				+ "<body>hello 43</body></message>");
		this.ping = new IQ(DocumentHelper.parseText("<iq type='get' id='44' from='u7@localhost/r7' to='bench.localhost'>"
				+ "<ping xmlns='urn:xmpp:ping'/></iq>").getRootElement(), true);
		this.reply = Replies.message(this.chat, "hello 42");
		this.sink = new StringWriter(1 << 16);
		this.writer = new XMLWriter(this.sink, new OutputFormat());
	}

	static Message inbound(String xml) throws DocumentException {
		return new Message(DocumentHelper.parseText(xml).getRootElement(), true);
	}

	/** HandlerRegistry.lookup: the most specific handler for a chat message. */
	@Benchmark
	public Object lookup() {
		return this.registry.lookup(this.chat);
	}

	/** StanzaRouter.route: lookup, argument binding, invocation, the reply built and handed to the template. */
	@Benchmark
	public Packet routeChat() {
		this.router.route(this.chat);
		return this.template.last;
	}

	/** A handler throwing XmppErrorException, mapped to an error reply. */
	@Benchmark
	public Packet routeError() {
		this.router.route(this.refused);
		return this.template.last;
	}

	/** Exception to stanza error, and the error reply, without routing. */
	@Benchmark
	public Packet errorMapping() {
		return Replies.error(this.chat, StanzaErrors.toError(this.notAllowed));
	}

	/** The XEP-0199 ping answered by the built-in handler (only registered with 100 handlers). */
	@Benchmark
	public Packet routePing() {
		this.router.route(this.ping);
		return this.template.last;
	}

	/** The writer's work per reply: Kindling's StanzaWriter into a buffer, as the writer thread does. */
	@Benchmark
	public int serializeReply() {
		this.text.setLength(0);
		this.stanzaWriter.write(this.reply.getElement(), this.text);
		return this.text.length();
	}

	/** The baseline for serializeReply: dom4j's XMLWriter, which the writer thread used before (and Whack uses). */
	@Benchmark
	public int serializeReplyDom4j() throws IOException {
		this.sink.getBuffer().setLength(0);
		this.writer.write(this.reply.getElement());
		this.writer.flush();
		return this.sink.getBuffer().length();
	}

}
