package dev.kindling.boot.actuate.info;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.xmpp.packet.JID;

import dev.kindling.disco.DiscoHandlers;
import dev.kindling.handler.HandlerRegistry;
import dev.kindling.replica.Replica;

/**
 * Adds {@code xmpp} to {@code /actuator/info}: the Kindling version, the component's domain and
 * the features it serves (what disco#info announces, or the IQ namespaces handled when disco is off),
 * and for a balanced replica its instance, balancing, slot and home.
 */
public class XmppInfoContributor implements InfoContributor {

	private final String domain;

	private final HandlerRegistry registry;

	private final @Nullable DiscoHandlers disco;

	private @Nullable Replica replica;

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
		Replica replica = this.replica;
		if (replica != null) {
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("instance", replica.instance());
			details.put("balancing", replica.balancing().ejabberdType());
			details.put("slot", replica.state().name());
			JID home = replica.home();
			if (home != null) {
				details.put("home", home.toString());
			}
			xmpp.put("replica", details);
		}
		builder.withDetail("xmpp", xmpp);
	}

	/** Show this balanced replica: its instance, the balancing, its slot and home. */
	public void setReplica(@Nullable Replica replica) {
		this.replica = replica;
	}

	static String kindlingVersion() {
		String version = HandlerRegistry.class.getPackage().getImplementationVersion();
		return (version != null) ? version : "unknown";
	}

}
