package dev.kindling.test.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;

/**
 * Kindling's auto-configurations with the in-memory wire and the
 * {@link dev.kindling.test.XmppTestHarness} instead of a connection to a server; part of
 * {@link XmppComponentTest}, and usable on a {@code @SpringBootTest} to test the whole application
 * without a server. The list is in
 * {@code META-INF/spring/dev.kindling.test.autoconfigure.AutoConfigureXmppComponent.imports}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ImportAutoConfiguration
public @interface AutoConfigureXmppComponent {

}
