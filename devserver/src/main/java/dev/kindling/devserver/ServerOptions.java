package dev.kindling.devserver;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The checks and the configuration rendering that {@link ProsodyOptions} and
 * {@link EjabberdOptions} share: the same domain, secret, user, timeout and port rules, and the
 * same {@code ${name}} placeholders in a classpath template.
 */
final class ServerOptions {

	private static final Pattern DOMAIN = Pattern
		.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*");

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");

	private ServerOptions() {
	}

	/**
	 * Checks the domains, the component secret and the users.
	 * @return an unmodifiable copy of the users, in their order
	 */
	static Map<String, String> requireIdentity(@Nullable String domain, @Nullable String componentDomain,
			@Nullable String componentSecret, Map<String, String> users) {
		requireDomain(domain, "domain");
		requireDomain(componentDomain, "componentDomain");
		if (componentDomain.equals(domain)) {
			throw new IllegalArgumentException("componentDomain must differ from domain: " + domain);
		}
		if (componentSecret == null || componentSecret.isEmpty()) {
			throw new IllegalArgumentException("componentSecret must not be empty");
		}
		Objects.requireNonNull(users, "users");
		requireUsers(users);
		return Collections.unmodifiableMap(new LinkedHashMap<>(users));
	}

	/** Each user needs a name and a password. */
	static void requireUsers(Map<String, String> users) {
		users.forEach((user, password) -> {
			if (user == null || user.isBlank() || password == null) {
				throw new IllegalArgumentException("Invalid user '" + user + "' (or null password)");
			}
		});
	}

	static void requireStart(@Nullable Duration startTimeout, int c2sPort, int componentPort, int httpPort) {
		if (startTimeout == null || startTimeout.isNegative() || startTimeout.isZero()) {
			throw new IllegalArgumentException("startTimeout must be positive: " + startTimeout);
		}
		requirePort(c2sPort, "c2sPort");
		requirePort(componentPort, "componentPort");
		requirePort(httpPort, "httpPort");
	}

	static String randomSecret() {
		byte[] bytes = new byte[16];
		new SecureRandom().nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

	/**
	 * The classpath template {@code name} (next to this class) with each {@code ${key}} replaced
	 * by its value.
	 * @throws IllegalStateException for a placeholder without a value
	 */
	static String render(String name, Map<String, String> values) {
		Matcher matcher = PLACEHOLDER.matcher(template(name));
		StringBuilder config = new StringBuilder();
		while (matcher.find()) {
			String value = values.get(matcher.group(1));
			if (value == null) {
				throw new IllegalStateException("Unknown placeholder in " + name + ": " + matcher.group());
			}
			matcher.appendReplacement(config, Matcher.quoteReplacement(value));
		}
		matcher.appendTail(config);
		return config.toString();
	}

	private static String template(String name) {
		try (InputStream in = ServerOptions.class.getResourceAsStream(name)) {
			if (in == null) {
				throw new IllegalStateException("dev/kindling/devserver/" + name + " is not on the classpath");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void requireDomain(@Nullable String domain, String what) {
		if (domain == null || !DOMAIN.matcher(domain).matches()) {
			throw new IllegalArgumentException(what + " must be a lowercase DNS name: " + domain);
		}
	}

	private static void requirePort(int port, String what) {
		if (port < 0 || port > 65535) {
			throw new IllegalArgumentException(what + " must be 0 (free port) or 1-65535: " + port);
		}
	}

}
