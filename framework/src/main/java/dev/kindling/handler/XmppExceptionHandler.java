package dev.kindling.handler;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method that answers the exceptions of handler methods, as Spring MVC's
 * {@code @ExceptionHandler} and spring-messaging's {@code @MessageExceptionHandler} do.
 *
 * <p>On a handler bean, it takes the exceptions of that bean's handler methods; on an
 * {@link XmppAdvice @XmppAdvice} bean, those of every handler bean the advice applies to. The
 * handler bean's own methods are tried first, then the advice beans in their order; within one
 * bean, the method declared for the most specific exception type wins (a cause of the exception is
 * tried when the exception itself matches none).
 *
 * <p>Parameters: the exception (any {@link Throwable} type the method is declared for, or one of its
 * causes), and everything a handler method may take: the stanza, {@code @From}, {@code @To},
 * {@code XmppTemplate} and the parameters {@link HandlerMethodConfigurer}s add. Return values:
 * <ul>
 * <li>{@code String}: a message gets it as a reply in its conversation (to the room for a
 * groupchat message); an IQ request gets the error the exception maps to by default, with the
 * {@code String} as its text;</li>
 * <li>an {@link dev.kindling.XmppErrorException} (returned or thrown): that error is the answer;</li>
 * <li>a {@link org.xmpp.packet.Packet}: sent, addressed back to the sender unless it has a
 * {@code to};</li>
 * <li>{@code void} or {@code null}: nothing is sent for a message or presence.</li>
 * </ul>
 * An IQ request the method did not answer still gets exactly one answer: the error the exception
 * maps to by default. An exception thrown by the method is logged and mapped by the default rules.
 * A method without an exception type, with a parameter that cannot be bound or with another
 * return type fails startup.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface XmppExceptionHandler {

	/**
	 * Exception types the method takes. Empty: the types of its {@link Throwable} parameters.
	 */
	Class<? extends Throwable>[] value() default {};

}
