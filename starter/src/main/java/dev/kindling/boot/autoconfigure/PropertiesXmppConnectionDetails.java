package dev.kindling.boot.autoconfigure;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.util.StringUtils;

/**
 * {@link XmppConnectionDetails} from {@code xmpp.component.*}, checked at startup so that a missing
 * domain or secret fails with the property's name.
 */
final class PropertiesXmppConnectionDetails implements XmppConnectionDetails {

	private final XmppComponentProperties properties;

	private final String domain;

	private final String secret;

	PropertiesXmppConnectionDetails(XmppComponentProperties properties) {
		this.properties = properties;
		this.domain = required("domain", properties.domain(),
				"Set the component's full domain, as the server knows it (e.g. bot.example.com).");
		this.secret = required("secret", properties.secret(),
				"Set the secret the server holds for the component's domain.");
	}

	private static String required(String name, @Nullable String value, String hint) {
		if (!StringUtils.hasText(value)) {
			throw new InvalidConfigurationPropertyValueException(XmppComponentProperties.PREFIX + "." + name, value,
					"It is required. " + hint + " For a local server instead, set xmpp.dev-server.enabled=true.");
		}
		return value.trim();
	}

	@Override
	public String host() {
		return this.properties.host();
	}

	@Override
	public int port() {
		return this.properties.port();
	}

	@Override
	public String domain() {
		return this.domain;
	}

	@Override
	public String secret() {
		return this.secret;
	}

}
