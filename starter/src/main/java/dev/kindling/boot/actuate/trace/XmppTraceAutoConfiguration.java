package dev.kindling.boot.actuate.trace;

import java.time.Clock;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The stanza trace ("Peek") and its endpoint, when {@code xmpp.trace.enabled=true}. Off by default:
 * a trace holds message contents, which production rarely wants in memory or over HTTP.
 */
@AutoConfiguration
@ConditionalOnClass(Endpoint.class)
@ConditionalOnBooleanProperty("xmpp.trace.enabled")
@EnableConfigurationProperties(XmppTraceProperties.class)
public final class XmppTraceAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	StanzaTrace xmppStanzaTrace(XmppTraceProperties properties) {
		return new StanzaTrace(properties.capacity(), properties.maskBodies(), Clock.systemUTC());
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnAvailableEndpoint
	XmppStanzasEndpoint xmppStanzasEndpoint(StanzaTrace trace) {
		return new XmppStanzasEndpoint(trace);
	}

}
