package dev.kindling.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a real ejabberd (one node, or a cluster with {@link #nodes()}) for the annotated test
 * class with {@link EjabberdExtension}; declare a {@link dev.kindling.devserver.EjabberdServer}
 * or {@link dev.kindling.devserver.EjabberdCluster} parameter to use it:
 * <pre class="code">
 * &#64;WithEjabberd(users = { "alice", "bob" }, balancing = "bare_source", componentNumber = 2)
 * class ReplicaTests {
 *
 *     &#64;Test
 *     void spreads(EjabberdServer ejabberd) { ... }
 *
 * }
 * </pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(EjabberdExtension.class)
public @interface WithEjabberd {

	/** Users to register on {@link #domain()}, each with the user name as password. */
	String[] users() default {};

	String domain() default "localhost";

	String componentDomain() default "bot.localhost";

	/** The component secret; empty for a random one. */
	String componentSecret() default "";

	/**
	 * The {@code domain_balancing} type of the component domain: none, random, source,
	 * bare_source, destination or bare_destination; all but none need {@link #componentNumber()}.
	 */
	String balancing() default "none";

	/** The number of balancing slots ({@code component_number}), 2 to 1000; 0 without balancing. */
	int componentNumber() default 0;

	/** The number of nodes: 1 for a single server, 2 or more for a cluster. */
	int nodes() default 1;

	/** ejabberd's log level: none, emergency, alert, critical, error, warning, notice, info or debug. */
	String logLevel() default "info";

}
