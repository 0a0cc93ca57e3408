package dev.kindling.boot.autoconfigure;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The answers the component gives by itself.
 *
 * @param disco Service discovery (XEP-0030)
 * @param version Software version (XEP-0092)
 * @param ping Answers to pings (XEP-0199)
 * @param time Entity time (XEP-0202)
 */
@ConfigurationProperties("xmpp")
public record XmppAnswersProperties(@DefaultValue Disco disco, @DefaultValue Version version, @DefaultValue Ping ping,
		@DefaultValue Time time) {

	/**
	 * Answers to pings (XEP-0199).
	 *
	 * @param enabled Whether the component answers pings itself
	 */
	public record Ping(@DefaultValue("true") boolean enabled) {
	}

	/**
	 * Entity time (XEP-0202).
	 *
	 * @param enabled Whether the component answers entity time requests itself
	 */
	public record Time(@DefaultValue("true") boolean enabled) {
	}

	/**
	 * Service discovery (XEP-0030).
	 *
	 * @param enabled Whether disco#info and disco#items requests are answered
	 * @param identity Identity announced in disco#info
	 */
	public record Disco(@DefaultValue("true") boolean enabled, @DefaultValue Identity identity) {
	}

	/**
	 * Identity announced in disco#info.
	 *
	 * @param category Identity category from the XMPP Registrar, e.g. "component" or "conference"
	 * @param type Identity type from the XMPP Registrar, e.g. "generic" or "bot"
	 * @param name Human-readable name; defaults to the software version's name
	 */
	public record Identity(@DefaultValue("component") String category, @DefaultValue("generic") String type,
			@Nullable String name) {
	}

	/**
	 * Software version (XEP-0092).
	 *
	 * @param enabled Whether software version requests are answered
	 * @param name Software name; defaults to the build info's name, then spring.application.name
	 * @param version Software version; defaults to the build info's version
	 * @param os Operating system announced; not announced unless set
	 */
	public record Version(@DefaultValue("true") boolean enabled, @Nullable String name, @Nullable String version,
			@Nullable String os) {
	}

}
