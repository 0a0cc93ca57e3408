package dev.kindling.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a real Prosody for the annotated test class with {@link ProsodyExtension}; declare a
 * {@link dev.kindling.devserver.ProsodyServer} parameter to use it:
 * <pre class="code">
 * &#64;WithProsody(users = { "alice", "bob" })
 * class EchoTests {
 *
 *     &#64;Test
 *     void echoes(ProsodyServer prosody) { ... }
 *
 * }
 * </pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(ProsodyExtension.class)
public @interface WithProsody {

	/** Users to register on {@link #domain()}, each with the user name as password. */
	String[] users() default {};

	String domain() default "localhost";

	String componentDomain() default "bot.localhost";

	/** The component secret; empty for a random one. */
	String componentSecret() default "";

	/** Prosody's log level: debug, info, warn or error. */
	String logLevel() default "debug";

}
