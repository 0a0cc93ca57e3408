package dev.kindling.test.autoconfigure;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The in-memory component of {@link XmppComponentTest}.
 *
 * @param domain Domain of the component under test; stanzas' {@code from} must lie in it
 * @param timeout How long the harness waits for the component to become idle or (re)connect before the test fails
 */
@ConfigurationProperties("xmpp.test")
public record XmppTestProperties(@DefaultValue("bot.test") String domain, @DefaultValue("5s") Duration timeout) {

}
