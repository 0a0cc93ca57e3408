package dev.kindling.handler;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.core.annotation.AliasFor;
import org.springframework.stereotype.Component;

/**
 * A bean whose {@link XmppExceptionHandler @XmppExceptionHandler} methods answer the exceptions of
 * other beans' handler methods, as Spring MVC's {@code @ControllerAdvice} does for controllers.
 * Advice beans are tried after the handler bean's own exception handlers, in their
 * {@link org.springframework.core.annotation.Order @Order}; the first one with a method for the
 * exception answers it.
 *
 * <p>Without attributes, an advice applies to every handler bean; with {@link #basePackages()} or
 * {@link #assignableTypes()}, to the handler beans in one of the packages or of one of the types.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Component
public @interface XmppAdvice {

	/** Alias for {@link #basePackages()}. */
	@AliasFor("basePackages")
	String[] value() default {};

	/** Packages (and their sub-packages) of the handler beans this advice applies to. */
	@AliasFor("value")
	String[] basePackages() default {};

	/** Types of the handler beans this advice applies to (the beans assignable to one of them). */
	Class<?>[] assignableTypes() default {};

}
