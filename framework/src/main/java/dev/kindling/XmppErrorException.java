package dev.kindling;

import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.dom4j.QName;
import org.jspecify.annotations.Nullable;
import org.xmpp.packet.PacketError;
import org.xmpp.packet.PacketError.Condition;

/**
 * A stanza error (RFC 6120 §8.3). Thrown by a handler, it becomes the error reply to the stanza
 * being handled; returned by the server or a peer for one of our requests, it completes the
 * request's future.
 *
 * <p>Prefer the constructors taking an {@link ErrorCondition}; those taking Tinder's
 * {@link Condition} stay for code that already has one, and both kinds of accessors are offered.
 */
public class XmppErrorException extends XmppException {

	private final ErrorCondition condition;

	private final ErrorType type;

	private final @Nullable String text;

	/**
	 * An error with the condition's default type (RFC 6120 §8.3.3: {@code cancel} for
	 * {@code item-not-found}, {@code wait} for {@code resource-constraint}).
	 */
	public XmppErrorException(ErrorCondition condition, @Nullable String text) {
		this(condition, condition.defaultType(), text);
	}

	public XmppErrorException(ErrorCondition condition, ErrorType type, @Nullable String text) {
		super(describe(condition, type, text));
		this.condition = condition;
		this.type = type;
		this.text = text;
	}

	public XmppErrorException(ErrorCondition condition) {
		this(condition, (String) null);
	}

	/**
	 * An error with Tinder's default type for the condition (Tinder follows RFC 3920 where RFC 6120
	 * differs: {@code wait} for {@code internal-server-error}).
	 */
	public XmppErrorException(Condition condition, @Nullable String text) {
		this(condition, condition.getDefaultType(), text);
	}

	public XmppErrorException(Condition condition, PacketError.Type type, @Nullable String text) {
		this(ErrorCondition.of(condition), ErrorType.of(type), text);
	}

	public XmppErrorException(Condition condition) {
		this(condition, null);
	}

	/** The error a peer answered with; conditions Tinder does not know (policy-violation) are kept. */
	public static XmppErrorException of(PacketError error) {
		ErrorCondition condition = ErrorCondition.of(error);
		PacketError.Type type = error.getType();
		return new XmppErrorException(condition, (type != null) ? ErrorType.of(type) : condition.defaultType(),
				error.getText());
	}

	/** The condition, by its Kindling name. */
	public ErrorCondition getErrorCondition() {
		return this.condition;
	}

	/** The type, by its Kindling name. */
	public ErrorType getErrorType() {
		return this.type;
	}

	/**
	 * The condition as Tinder's constant; {@code undefined_condition} for
	 * {@link ErrorCondition#POLICY_VIOLATION}, which Tinder does not know.
	 * @see #getErrorCondition()
	 */
	public Condition getCondition() {
		Condition tinder = this.condition.toTinder();
		return (tinder != null) ? tinder : Condition.undefined_condition;
	}

	/**
	 * The type as Tinder's constant.
	 * @see #getErrorType()
	 */
	public PacketError.Type getType() {
		return this.type.toTinder();
	}

	public @Nullable String getText() {
		return this.text;
	}

	/** The error element to put into a reply. */
	public PacketError toPacketError() {
		Condition tinder = this.condition.toTinder();
		if (tinder == null) {
			return new PacketError(element());
		}
		return (this.text != null) ? new PacketError(tinder, this.type.toTinder(), this.text)
				: new PacketError(tinder, this.type.toTinder());
	}

	/** The error element built by hand, for a condition Tinder has no constant for. */
	private Element element() {
		Element error = DocumentHelper.createElement("error");
		error.addAttribute("type", this.type.toXmpp());
		error.addElement(QName.get(this.condition.toXmpp(), ErrorCondition.namespace()));
		if (this.text != null) {
			error.addElement(QName.get("text", ErrorCondition.namespace())).setText(this.text);
		}
		return error;
	}

	private static String describe(ErrorCondition condition, ErrorType type, @Nullable String text) {
		String base = condition.toXmpp() + " (" + type.toXmpp() + ")";
		return (text != null) ? base + ": " + text : base;
	}

}
