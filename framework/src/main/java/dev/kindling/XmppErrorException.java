package dev.kindling;

import org.jspecify.annotations.Nullable;
import org.xmpp.packet.PacketError;
import org.xmpp.packet.PacketError.Condition;

/**
 * A stanza error (RFC 6120 §8.3). Thrown by a handler, it becomes the error reply to the stanza
 * being handled; returned by the server or a peer for one of our requests, it completes the
 * request's future.
 */
public class XmppErrorException extends XmppException {

	private final Condition condition;

	private final PacketError.Type type;

	private final @Nullable String text;

	/**
	 * An error with the condition's default type (e.g. {@code cancel} for
	 * {@code item-not-found}, {@code wait} for {@code resource-constraint}).
	 */
	public XmppErrorException(Condition condition, @Nullable String text) {
		this(condition, condition.getDefaultType(), text);
	}

	public XmppErrorException(Condition condition, PacketError.Type type, @Nullable String text) {
		super(describe(condition, type, text));
		this.condition = condition;
		this.type = type;
		this.text = text;
	}

	public XmppErrorException(Condition condition) {
		this(condition, null);
	}

	/** The error a peer answered with. */
	public static XmppErrorException of(PacketError error) {
		return new XmppErrorException(error.getCondition(), error.getType(), error.getText());
	}

	public Condition getCondition() {
		return this.condition;
	}

	public PacketError.Type getType() {
		return this.type;
	}

	public @Nullable String getText() {
		return this.text;
	}

	/** The error element to put into a reply. */
	public PacketError toPacketError() {
		return (this.text != null) ? new PacketError(this.condition, this.type, this.text)
				: new PacketError(this.condition, this.type);
	}

	private static String describe(Condition condition, PacketError.Type type, @Nullable String text) {
		String base = condition.toXMPP() + " (" + type.toXMPP() + ")";
		return (text != null) ? base + ": " + text : base;
	}

}
