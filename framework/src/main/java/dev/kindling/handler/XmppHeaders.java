package dev.kindling.handler;

/**
 * Names of the headers of an {@link InboundStanza}: the facts of one inbound stanza, for argument
 * resolvers and return value handlers of your own ({@code message.getHeaders().get(XmppHeaders.FROM)}).
 * The headers are built the first time they are asked for; Kindling's own resolvers read the same
 * facts from the stanza directly.
 */
public final class XmppHeaders {

	private static final String PREFIX = "xmpp_";

	/** The {@link StanzaKind}. */
	public static final String KIND = PREFIX + "kind";

	/** The sender's address, as sent ({@code String}). */
	public static final String FROM = PREFIX + "from";

	/** The recipient's address, one of the component's ({@code String}). */
	public static final String TO = PREFIX + "to";

	/** The stanza's {@code id} ({@code String}), if it has one. */
	public static final String ID = PREFIX + "id";

	/** The stanza's {@code type} attribute ({@code String}; absent for a plain available presence). */
	public static final String TYPE = PREFIX + "type";

	/** The {@link java.util.regex.Matcher} of the handler's body pattern, if it has one (named groups included). */
	public static final String BODY_MATCH = PREFIX + "bodyMatch";

	/** The module's event an endpoint it calls itself ({@link EndpointMapping}) runs on, such as an occupant change. */
	public static final String EVENT = PREFIX + "event";

	private XmppHeaders() {
	}

}
