package dev.kindling.handler;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Handles IQ requests whose child element has the given namespace (and name). Every request gets
 * exactly one answer: the returned payload, or an empty {@code result} for {@code void}, or the
 * stanza error an exception maps to. The handler's namespace is announced in disco#info.
 *
 * <p>Return an {@link org.dom4j.Element} or {@link org.xmpp.packet.PacketExtension} as the child of
 * the {@code result}, an {@link org.xmpp.packet.IQ} to answer yourself, {@code void} for an empty
 * result, or a {@link java.util.concurrent.CompletableFuture} of any of these.
 *
 * <p>On a class, it only gives the class's {@code @OnIq} methods a default {@link #namespace()}.
 * Like every mapping annotation, it may also be used as a meta-annotation.
 */
@Target({ ElementType.METHOD, ElementType.TYPE, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface OnIq {

	/**
	 * The namespace of the request's child element, e.g. {@code urn:example:score}. Empty: the
	 * namespace of the method's {@code @XmppPayload} parameter, which then also names the element,
	 * or else the namespace of an {@code @OnIq} on the class.
	 */
	String namespace() default "";

	/** The child element's name; empty takes any name in the namespace (or the payload parameter's element). */
	String element() default "";

	/** Request types taken; empty takes both {@code get} and {@code set}. */
	IqType[] type() default {};

}
