package dev.kindling.devserver;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * What an {@link EjabberdServer} (or each node of an {@link EjabberdCluster}) runs: the XMPP
 * domain, the XEP-0114 component domain and secret, how ejabberd balances the component's
 * sessions, the users registered at the first start, the log level and where ejabberd is
 * installed. Immutable; start from {@link #defaults()} and use the {@code with...} methods.
 *
 * @param domain the virtual host, e.g. {@code localhost}; {@code conference.<domain>} (MUC) and
 * {@code pubsub.<domain>} (pubsub) are added
 * @param componentDomain the external component's domain, e.g. {@code bot.localhost}
 * @param componentSecret the component's shared secret
 * @param users user name to password, registered on {@code domain} at the first start
 * @param balancing how stanzas for the component domain are spread over its sessions
 * ({@code domain_balancing}); {@link EjabberdBalancing#NONE} for no entry
 * @param componentNumber the number of fixed balancing slots ({@code component_number}, 2 to
 * 1000), or 0 with {@link EjabberdBalancing#NONE}
 * @param logLevel minimum level of {@link EjabberdServer#logFile()}: none, emergency, alert,
 * critical, error, warning, notice, info or debug
 * @param executable the {@code ejabberdctl} script, read to find Erlang and ejabberd's
 * libraries, or {@code null} to look for it on the PATH and in {@code /usr/sbin},
 * {@code /usr/local/sbin}, {@code /opt/ejabberd/bin}
 * @param startTimeout how long {@link EjabberdServer#start()} waits for ejabberd to be ready
 * @param c2sPort client port, 0 for a free one
 * @param componentPort XEP-0114 component port, 0 for a free one
 * @param httpPort BOSH and websocket port, 0 for a free one
 */
public record EjabberdOptions(String domain, String componentDomain, String componentSecret,
		Map<String, String> users, EjabberdBalancing balancing, int componentNumber, String logLevel,
		@Nullable Path executable, Duration startTimeout, int c2sPort, int componentPort, int httpPort) {

	private static final List<String> LOG_LEVELS = List.of("none", "emergency", "alert", "critical", "error",
			"warning", "notice", "info", "debug");

	/** ejabberd 23.01 accepts {@code component_number} in this range only. */
	private static final int MIN_COMPONENT_NUMBER = 2;

	private static final int MAX_COMPONENT_NUMBER = 1000;

	public EjabberdOptions {
		users = ServerOptions.requireIdentity(domain, componentDomain, componentSecret, users);
		Objects.requireNonNull(balancing, "balancing");
		if (balancing == EjabberdBalancing.NONE && componentNumber != 0) {
			throw new IllegalArgumentException("componentNumber " + componentNumber
					+ " needs a balancing type other than NONE (or set it to 0)");
		}
		if (balancing != EjabberdBalancing.NONE
				&& (componentNumber < MIN_COMPONENT_NUMBER || componentNumber > MAX_COMPONENT_NUMBER)) {
			// Without component_number, ejabberd 23.01 crashes each component session at its
			// handshake ({badkey,component_number}), although its documentation shows that form.
			throw new IllegalArgumentException("balancing " + balancing + " needs a componentNumber from "
					+ MIN_COMPONENT_NUMBER + " to " + MAX_COMPONENT_NUMBER + ", got " + componentNumber
					+ " (ejabberd 23.01 crashes the component session without component_number)");
		}
		if (!LOG_LEVELS.contains(logLevel)) {
			throw new IllegalArgumentException("logLevel must be one of " + LOG_LEVELS + ": " + logLevel);
		}
		ServerOptions.requireStart(startTimeout, c2sPort, componentPort, httpPort);
	}

	/**
	 * Domain {@code localhost}, component {@code bot.localhost} with a random secret, no users, no
	 * balancing, log level info, ejabberd from the PATH, a 30 s start timeout and free ports.
	 */
	public static EjabberdOptions defaults() {
		return new EjabberdOptions("localhost", "bot.localhost", ServerOptions.randomSecret(), Map.of(), EjabberdBalancing.NONE,
				0, "info", null, Duration.ofSeconds(30), 0, 0, 0);
	}

	public EjabberdOptions withDomain(String domain) {
		return new EjabberdOptions(domain, this.componentDomain, this.componentSecret, this.users, this.balancing,
				this.componentNumber, this.logLevel, this.executable, this.startTimeout, this.c2sPort,
				this.componentPort, this.httpPort);
	}

	public EjabberdOptions withComponentDomain(String componentDomain) {
		return new EjabberdOptions(this.domain, componentDomain, this.componentSecret, this.users, this.balancing,
				this.componentNumber, this.logLevel, this.executable, this.startTimeout, this.c2sPort,
				this.componentPort, this.httpPort);
	}

	public EjabberdOptions withComponentSecret(String componentSecret) {
		return new EjabberdOptions(this.domain, this.componentDomain, componentSecret, this.users, this.balancing,
				this.componentNumber, this.logLevel, this.executable, this.startTimeout, this.c2sPort,
				this.componentPort, this.httpPort);
	}

	/** Adds (or replaces) a user registered at the first start. */
	public EjabberdOptions withUser(String user, String password) {
		Map<String, String> all = new LinkedHashMap<>(this.users);
		all.put(user, password);
		return withUsers(all);
	}

	/** Replaces the users registered at the first start. */
	public EjabberdOptions withUsers(Map<String, String> users) {
		return new EjabberdOptions(this.domain, this.componentDomain, this.componentSecret, users, this.balancing,
				this.componentNumber, this.logLevel, this.executable, this.startTimeout, this.c2sPort,
				this.componentPort, this.httpPort);
	}

	/**
	 * Balances the component domain over {@code componentNumber} fixed slots, e.g.
	 * {@code withBalancing(EjabberdBalancing.BARE_SOURCE, 2)}; {@code (NONE, 0)} removes it.
	 */
	public EjabberdOptions withBalancing(EjabberdBalancing balancing, int componentNumber) {
		return new EjabberdOptions(this.domain, this.componentDomain, this.componentSecret, this.users, balancing,
				componentNumber, this.logLevel, this.executable, this.startTimeout, this.c2sPort, this.componentPort,
				this.httpPort);
	}

	public EjabberdOptions withLogLevel(String logLevel) {
		return new EjabberdOptions(this.domain, this.componentDomain, this.componentSecret, this.users,
				this.balancing, this.componentNumber, logLevel, this.executable, this.startTimeout, this.c2sPort,
				this.componentPort, this.httpPort);
	}

	/** The {@code ejabberdctl} script: a path, or a bare name looked up on the PATH. */
	public EjabberdOptions withExecutable(@Nullable Path executable) {
		return new EjabberdOptions(this.domain, this.componentDomain, this.componentSecret, this.users,
				this.balancing, this.componentNumber, this.logLevel, executable, this.startTimeout, this.c2sPort,
				this.componentPort, this.httpPort);
	}

	public EjabberdOptions withStartTimeout(Duration startTimeout) {
		return new EjabberdOptions(this.domain, this.componentDomain, this.componentSecret, this.users,
				this.balancing, this.componentNumber, this.logLevel, this.executable, startTimeout, this.c2sPort,
				this.componentPort, this.httpPort);
	}

	/**
	 * Fixed ports; 0 picks a free one. Fixed ports are not re-picked when they are taken:
	 * {@link EjabberdServer#start()} fails instead. Not for a cluster, whose nodes need ports of
	 * their own.
	 */
	public EjabberdOptions withPorts(int c2sPort, int componentPort, int httpPort) {
		return new EjabberdOptions(this.domain, this.componentDomain, this.componentSecret, this.users,
				this.balancing, this.componentNumber, this.logLevel, this.executable, this.startTimeout, c2sPort,
				componentPort, httpPort);
	}

	/** Leaves the secret and passwords out, so options can be logged. */
	@Override
	public String toString() {
		return "EjabberdOptions[domain=" + this.domain + ", componentDomain=" + this.componentDomain + ", users="
				+ this.users.keySet() + ", balancing=" + this.balancing + "/" + this.componentNumber + ", logLevel="
				+ this.logLevel + ", executable=" + this.executable + ", startTimeout=" + this.startTimeout
				+ ", ports=" + this.c2sPort + "/" + this.componentPort + "/" + this.httpPort + "]";
	}

	/**
	 * Renders the classpath template {@code ejabberd.yml}. Strings are inserted as double-quoted,
	 * escaped YAML scalars, ports as numbers.
	 */
	String renderConfig(int c2s, int component, int http) {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("domain", yaml(this.domain));
		values.put("logLevel", this.logLevel);
		values.put("c2sPort", Integer.toString(c2s));
		values.put("componentPort", Integer.toString(component));
		values.put("httpPort", Integer.toString(http));
		values.put("componentDomain", yaml(this.componentDomain));
		values.put("componentSecret", yaml(this.componentSecret));
		values.put("mucDomain", yaml("conference." + this.domain));
		values.put("pubsubDomain", yaml("pubsub." + this.domain));
		values.put("domainBalancing", (this.balancing != EjabberdBalancing.NONE)
				? "# Not a listener option: one entry per balanced component domain.\ndomain_balancing:\n  "
						+ yaml(this.componentDomain) + ":\n    type: " + this.balancing.configValue()
						+ "\n    component_number: " + this.componentNumber + "\n"
				: "# No domain_balancing: each stanza goes to a random session of the component domain.\n");
		return ServerOptions.render("ejabberd.yml", values);
	}

	/** A double-quoted YAML scalar. */
	static String yaml(String text) {
		StringBuilder scalar = new StringBuilder(text.length() + 2).append('"');
		text.codePoints().forEach((c) -> {
			if (c == '"' || c == '\\') {
				scalar.append('\\').appendCodePoint(c);
			}
			else if (c < 0x20 || c == 0x7f) {
				scalar.append(String.format("\\x%02x", c));
			}
			else {
				scalar.appendCodePoint(c);
			}
		});
		return scalar.append('"').toString();
	}

}
