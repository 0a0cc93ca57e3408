package dev.kindling.adhoc;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares an ad-hoc command (XEP-0050). The method returns a {@link CommandStep}: it is called for
 * the first step ({@code execute}) and again for each form the requester submits ({@code next},
 * {@code complete}); a {@code cancel} ends the session without calling it. It takes the arguments
 * of every {@code @OnIq} handler ({@code @From} the requester, the {@code XmppTemplate}, …) plus
 * the {@link CommandRequest}; keep what later steps need in {@link CommandRequest#session()}. Its
 * exceptions are answered like any handler's, {@code @XmppExceptionHandler} methods first.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface AdHocCommand {

	/** The command's node, unique within the component, e.g. {@code announce}. */
	String node();

	/** The human-readable name listed in service discovery. */
	String name();

	/**
	 * Bare JIDs allowed to list and run the command; empty allows everyone. Entries may be property
	 * placeholders, e.g. {@code "${bot.admins}"} (a comma-separated list).
	 */
	String[] allowed() default {};

}
