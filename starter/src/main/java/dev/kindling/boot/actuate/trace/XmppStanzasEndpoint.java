package dev.kindling.boot.actuate.trace;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.WebEndpoint;
import org.springframework.core.io.ClassPathResource;
import org.springframework.util.MimeType;

/**
 * {@code /actuator/xmppstanzas}: the last stanzas received and sent, oldest first, and at
 * {@code /actuator/xmppstanzas/peek} a read-only page that shows them as they arrive.
 */
@WebEndpoint(id = "xmppstanzas")
public class XmppStanzasEndpoint {

	static final String PAGE = "peek";

	private static final MimeType TEXT_HTML = MimeType.valueOf("text/html;charset=UTF-8");

	private final StanzaTrace trace;

	private final String page;

	public XmppStanzasEndpoint(StanzaTrace trace) {
		this.trace = trace;
		this.page = load("peek.html");
	}

	/** The stanzas kept; with {@code after}, only those with a greater sequence number. */
	@ReadOperation
	public StanzaTraceDescriptor stanzas(@Nullable Long after) {
		return new StanzaTraceDescriptor(this.trace.capacity(), this.trace.isMaskingBodies(), this.trace.stanzas(after));
	}

	/** The Peek page. */
	@ReadOperation(produces = "text/html")
	public WebEndpointResponse<String> page(@Selector String name) {
		if (!PAGE.equals(name)) {
			return new WebEndpointResponse<>(WebEndpointResponse.STATUS_NOT_FOUND);
		}
		return new WebEndpointResponse<>(this.page, TEXT_HTML);
	}

	private static String load(String name) {
		try (InputStream in = new ClassPathResource(name, XmppStanzasEndpoint.class).getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + name, ex);
		}
	}

	/**
	 * What the endpoint returns.
	 *
	 * @param capacity stanzas kept at most
	 * @param maskBodies whether message bodies are masked
	 * @param stanzas the stanzas, oldest first
	 */
	public record StanzaTraceDescriptor(int capacity, boolean maskBodies, List<TracedStanza> stanzas) {
	}

}
