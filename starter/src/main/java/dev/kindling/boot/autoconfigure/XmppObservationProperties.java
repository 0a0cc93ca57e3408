package dev.kindling.boot.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Micrometer Observations of handler invocations and the component's own IQ requests.
 *
 * @param enabled Whether handler invocations and XmppTemplate requests are observed through the application's ObservationRegistry (for tracing); off by default, as spring-kafka's listener observations are, because each observed stanza costs an observation and, with Boot's meter handler, a second timer beside xmpp.handler.duration
 */
@ConfigurationProperties("xmpp.observations")
public record XmppObservationProperties(@DefaultValue("false") boolean enabled) {

}
