package dev.kindling.pubsub;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Handles pubsub event notifications (XEP-0060 §7) that reach the component, typically for nodes
 * it subscribed to with {@link PubSubTemplate#subscribe}. Each item of a notification is one call.
 *
 * <p>Parameters: those of every handler (the event's message, {@code @From} the service, the
 * {@code XmppTemplate}, resolvers of {@code HandlerMethodConfigurer} beans), plus the
 * {@link PubSubEvent}, the payload as a dom4j {@link org.dom4j.Element} or as an
 * {@link dev.kindling.payload.XmppPayload @XmppPayload} type (a handler with such a parameter only
 * takes items carrying that element), and {@link ItemId @ItemId String}. Handlers return
 * {@code void}; every matching handler is called, and one failing does not stop the others. A
 * failure reaches the {@code @XmppExceptionHandler} methods of the bean and its advice, but an
 * event is never answered.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface OnPubSubEvent {

	/**
	 * A regular expression the whole node name must match; empty takes every node. May be a
	 * property placeholder, e.g. {@code "${feed.node}"}.
	 */
	String node() default "";

	/** The kinds of notification taken. */
	PubSubEvent.Kind[] kind() default { PubSubEvent.Kind.ITEM };

	/** Address of the pubsub service the events must come from; empty takes any. */
	String service() default "";

}
