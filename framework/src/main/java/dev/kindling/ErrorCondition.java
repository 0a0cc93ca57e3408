package dev.kindling;

import java.util.Locale;

import org.dom4j.Element;
import org.jspecify.annotations.Nullable;
import org.xmpp.packet.PacketError;

/**
 * The defined conditions of stanza errors (RFC 6120 §8.3.3), named the Kindling way, each with
 * the type RFC 6120 gives it and whether it blames the sender. {@link #toTinder()} and
 * {@link #of(PacketError.Condition)} convert to and from Tinder's lower-case constants.
 *
 * <p>{@link #isSenderFault()} splits the conditions the way HTTP splits 4xx from 5xx: a condition
 * that says the sender's stanza was wrong, not allowed or not possible (a user's mistake), versus
 * one that says this entity, another server or the network failed. Kindling's metrics count a
 * handler that ends with a sender's fault as {@code rejected}, the others as {@code error}.
 */
public enum ErrorCondition {

	/** The sender sent malformed or unprocessable data. */
	BAD_REQUEST(ErrorType.MODIFY, true),

	/** A resource or session with that name or address already exists. */
	CONFLICT(ErrorType.CANCEL, true),

	/** This entity does not implement the feature asked for. */
	FEATURE_NOT_IMPLEMENTED(ErrorType.CANCEL, true),

	/** The sender lacks the permissions for the action. */
	FORBIDDEN(ErrorType.AUTH, true),

	/** The recipient or item is no longer at this address. */
	GONE(ErrorType.CANCEL, true),

	/** This entity failed: a bug or a misconfiguration, never the sender's fault. */
	INTERNAL_SERVER_ERROR(ErrorType.CANCEL, false),

	/** The addressed item (a game, a node, a user) does not exist. */
	ITEM_NOT_FOUND(ErrorType.CANCEL, true),

	/** An address in the stanza is not a valid JID. */
	JID_MALFORMED(ErrorType.MODIFY, true),

	/** The request violates a rule of this entity, such as a forbidden value. */
	NOT_ACCEPTABLE(ErrorType.MODIFY, true),

	/** Nobody may do this action here, now. */
	NOT_ALLOWED(ErrorType.CANCEL, true),

	/** The sender must authenticate first. */
	NOT_AUTHORIZED(ErrorType.AUTH, true),

	/** The sender broke a local policy, such as a word filter. */
	POLICY_VIOLATION(ErrorType.MODIFY, true),

	/** The recipient is temporarily unavailable. */
	RECIPIENT_UNAVAILABLE(ErrorType.WAIT, false),

	/** The recipient or item moved; the text or element says where. */
	REDIRECT(ErrorType.MODIFY, true),

	/** The sender must register first. */
	REGISTRATION_REQUIRED(ErrorType.AUTH, true),

	/** The remote server of the recipient does not exist or cannot be resolved. */
	REMOTE_SERVER_NOT_FOUND(ErrorType.CANCEL, false),

	/** The remote server of the recipient could not be reached in time. */
	REMOTE_SERVER_TIMEOUT(ErrorType.WAIT, false),

	/** This entity lacks the resources (memory, capacity, a loaded state) to serve the request now. */
	RESOURCE_CONSTRAINT(ErrorType.WAIT, false),

	/** This entity does not offer the service asked for. */
	SERVICE_UNAVAILABLE(ErrorType.CANCEL, false),

	/** The sender must subscribe first. */
	SUBSCRIPTION_REQUIRED(ErrorType.AUTH, true),

	/** None of the above; an application condition element should say more. */
	UNDEFINED_CONDITION(ErrorType.MODIFY, false),

	/** The request was understood but came at the wrong moment, such as out of order. */
	UNEXPECTED_REQUEST(ErrorType.WAIT, true);

	private static final String NAMESPACE = "urn:ietf:params:xml:ns:xmpp-stanzas";

	private final ErrorType defaultType;

	private final boolean senderFault;

	ErrorCondition(ErrorType defaultType, boolean senderFault) {
		this.defaultType = defaultType;
		this.senderFault = senderFault;
	}

	/** The type RFC 6120 §8.3.3 gives this condition. */
	public ErrorType defaultType() {
		return this.defaultType;
	}

	/**
	 * Whether the condition blames the sender's stanza (like an HTTP 4xx status) rather than this
	 * entity, another server or the network (5xx): {@code true} for bad-request, conflict,
	 * feature-not-implemented, forbidden, gone, item-not-found, jid-malformed, not-acceptable,
	 * not-allowed, not-authorized, policy-violation, redirect, registration-required,
	 * subscription-required and unexpected-request.
	 */
	public boolean isSenderFault() {
		return this.senderFault;
	}

	/** The condition's element name, such as {@code item-not-found}. */
	public String toXmpp() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	/**
	 * Tinder's constant. Tinder 2.1 knows no {@code policy-violation}: an error carrying it is built
	 * by {@link XmppErrorException#toPacketError()} as an element instead.
	 * @return Tinder's constant, or {@code null} for {@link #POLICY_VIOLATION}
	 */
	public PacketError.@Nullable Condition toTinder() {
		return switch (this) {
			case POLICY_VIOLATION -> null;
			default -> PacketError.Condition.valueOf(name().toLowerCase(Locale.ROOT));
		};
	}

	/**
	 * The condition of Tinder's constant; RFC 3920's {@code payment-required}, which RFC 6120
	 * dropped, becomes {@link #NOT_AUTHORIZED}, the condition RFC 6120 tells servers to send instead.
	 */
	public static ErrorCondition of(PacketError.Condition condition) {
		if (condition == PacketError.Condition.payment_required) {
			return NOT_AUTHORIZED;
		}
		return valueOf(condition.name().toUpperCase(Locale.ROOT));
	}

	/** The condition named {@code item-not-found} and so on, or {@code null} for a name RFC 6120 does not define. */
	public static @Nullable ErrorCondition fromXmpp(String name) {
		if ("payment-required".equals(name)) {
			return NOT_AUTHORIZED;
		}
		for (ErrorCondition condition : values()) {
			if (condition.toXmpp().equals(name)) {
				return condition;
			}
		}
		return null;
	}

	/**
	 * The condition of an error as it arrived, read from its element so that conditions Tinder does
	 * not know (policy-violation) are kept; {@link #UNDEFINED_CONDITION} when it names none.
	 */
	public static ErrorCondition of(PacketError error) {
		for (Element child : error.getElement().elements()) {
			if (NAMESPACE.equals(child.getNamespaceURI()) && !"text".equals(child.getName())) {
				ErrorCondition condition = fromXmpp(child.getName());
				if (condition != null) {
					return condition;
				}
			}
		}
		return UNDEFINED_CONDITION;
	}

	static String namespace() {
		return NAMESPACE;
	}

}
