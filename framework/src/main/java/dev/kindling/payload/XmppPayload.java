package dev.kindling.payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a type (usually a record) as the Java form of an XML extension element: an IQ's child,
 * a message extension or a pubsub item's payload. Handlers then take and return the type instead
 * of a DOM element.
 *
 * <p>Components become child elements in the same namespace unless marked
 * {@code @JacksonXmlProperty(isAttribute = true)}; reading accepts both attributes and elements.
 * Nested records share the namespace of the declaring payload.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface XmppPayload {

	/** The namespace of the element, e.g. {@code urn:example:score}. */
	String namespace();

	/** The element's local name, e.g. {@code score}. */
	String element();

}
