package dev.kindling.boot.autoconfigure;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import dev.kindling.builtin.EntityTimeHandler;
import dev.kindling.builtin.PingHandler;
import dev.kindling.builtin.SoftwareVersionHandler;
import dev.kindling.disco.DiscoFeatureProvider;
import dev.kindling.disco.DiscoHandlers;
import dev.kindling.disco.DiscoItemsProvider;
import dev.kindling.disco.ServiceIdentity;
import dev.kindling.handler.HandlerRegistry;

/**
 * The answers every component owes, each an ordinary {@code @OnIq} handler bean that can be
 * switched off by property: disco#info and disco#items (XEP-0030), ping (XEP-0199), software
 * version (XEP-0092), entity time (XEP-0202).
 */
@AutoConfiguration(after = XmppComponentAutoConfiguration.class)
@EnableConfigurationProperties(XmppAnswersProperties.class)
public final class XmppAnswersAutoConfiguration {

	static final String DEFAULT_NAME = "Kindling bot";

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty(name = "xmpp.disco.enabled", matchIfMissing = true)
	DiscoHandlers xmppDiscoHandlers(XmppAnswersProperties properties, HandlerRegistry registry,
			ObjectProvider<DiscoFeatureProvider> features, ObjectProvider<DiscoItemsProvider> items,
			ObjectProvider<BuildProperties> build, Environment environment) {
		XmppAnswersProperties.Identity identity = properties.disco().identity();
		String name = (identity.name() != null) ? identity.name() : softwareName(properties, build, environment);
		return new DiscoHandlers(new ServiceIdentity(identity.category(), identity.type(), name), registry,
				features.orderedStream().toList(), items.orderedStream().toList());
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty(name = "xmpp.ping.enabled", matchIfMissing = true)
	PingHandler xmppPingHandler() {
		return new PingHandler();
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty(name = "xmpp.version.enabled", matchIfMissing = true)
	SoftwareVersionHandler xmppSoftwareVersionHandler(XmppAnswersProperties properties,
			ObjectProvider<BuildProperties> build, Environment environment) {
		XmppAnswersProperties.Version version = properties.version();
		BuildProperties info = build.getIfAvailable();
		String number = (version.version() != null) ? version.version()
				: (info != null && info.getVersion() != null) ? info.getVersion() : kindlingVersion();
		return new SoftwareVersionHandler(softwareName(properties, build, environment), number, version.os());
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty(name = "xmpp.time.enabled", matchIfMissing = true)
	EntityTimeHandler xmppEntityTimeHandler() {
		return new EntityTimeHandler(Clock.systemDefaultZone());
	}

	private static String softwareName(XmppAnswersProperties properties, ObjectProvider<BuildProperties> build,
			Environment environment) {
		if (properties.version().name() != null) {
			return properties.version().name();
		}
		BuildProperties info = build.getIfAvailable();
		if (info != null && info.getName() != null) {
			return info.getName();
		}
		return environment.getProperty("spring.application.name", DEFAULT_NAME);
	}

	private static String kindlingVersion() {
		String version = HandlerRegistry.class.getPackage().getImplementationVersion();
		return (version != null) ? version : "unknown";
	}

}
