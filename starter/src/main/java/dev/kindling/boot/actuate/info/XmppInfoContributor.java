package dev.kindling.boot.actuate.info;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;

import dev.kindling.disco.DiscoHandlers;
import dev.kindling.handler.HandlerRegistry;

/**
 * Adds {@code xmpp} to {@code /actuator/info}: the Kindling version, the component's domain and
 * the features it serves (what disco#info announces, or the IQ namespaces handled when disco is off).
 */
public class XmppInfoContributor implements InfoContributor {

	private final String domain;

	private final HandlerRegistry registry;

	private final @Nullable DiscoHandlers disco;

	public XmppInfoContributor(String domain, HandlerRegistry registry, @Nullable DiscoHandlers disco) {
		this.domain = domain;
		this.registry = registry;
		this.disco = disco;
	}

	@Override
	public void contribute(Info.Builder builder) {
		Map<String, Object> xmpp = new LinkedHashMap<>();
		xmpp.put("kindling", kindlingVersion());
		xmpp.put("domain", this.domain);
		Set<String> features = (this.disco != null) ? this.disco.features() : new TreeSet<>(this.registry.iqNamespaces());
		xmpp.put("features", features);
		builder.withDetail("xmpp", xmpp);
	}

	static String kindlingVersion() {
		String version = HandlerRegistry.class.getPackage().getImplementationVersion();
		return (version != null) ? version : "unknown";
	}

}
