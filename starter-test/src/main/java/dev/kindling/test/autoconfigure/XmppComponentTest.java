package dev.kindling.test.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.autoconfigure.OverrideAutoConfiguration;
import org.springframework.boot.test.context.filter.annotation.TypeExcludeFilters;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.BootstrapWith;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * A test of a Kindling component without a server, like {@code @JsonTest} or
 * {@code @DataJpaTest}: starts Kindling's infrastructure (dispatch, routing, template, built-in
 * answers) and only the beans with {@code @OnMessage}, {@code @OnIq} or {@code @OnPresence}
 * methods, over an in-memory wire. Inject the {@link dev.kindling.test.XmppTestHarness} to send
 * stanzas and assert what the component wrote; it is reset before each test.
 *
 * <p>No socket is opened and the dev server never starts. The component's domain is
 * {@code bot.test} unless {@link #domain()} or {@code xmpp.test.domain} says otherwise. Other beans
 * the handlers need come in with {@code @Import}, {@link #includeFilters()} or
 * {@code @MockitoBean}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@BootstrapWith(XmppComponentTestContextBootstrapper.class)
@ExtendWith(SpringExtension.class)
@OverrideAutoConfiguration(enabled = false)
@TypeExcludeFilters(XmppComponentTypeExcludeFilter.class)
@AutoConfigureXmppComponent
@ImportAutoConfiguration
public @interface XmppComponentTest {

	/** Properties in {@code key=value} form added to the environment before the test runs. */
	String[] properties() default {};

	/** The component's domain; empty for {@code xmpp.test.domain}, by default {@code bot.test}. */
	String domain() default "";

	/**
	 * The handler classes to include; empty for every bean with handler methods that component
	 * scanning finds.
	 */
	Class<?>[] handlers() default {};

	/** Whether to include the handler beans component scanning finds; {@code false} for none but {@link #includeFilters()}. */
	boolean useDefaultFilters() default true;

	/** More beans to add from component scanning. */
	Filter[] includeFilters() default {};

	/** Beans to leave out of component scanning. */
	Filter[] excludeFilters() default {};

	/** Auto-configurations to leave out. */
	@AliasFor(annotation = ImportAutoConfiguration.class, attribute = "exclude")
	Class<?>[] excludeAutoConfiguration() default {};

}
