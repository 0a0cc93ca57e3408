package dev.kindling.devserver;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What a {@link ProsodyServer} runs: the XMPP domain, the XEP-0114 component domain and secret,
 * the users registered at the first start, the log level and where Prosody is installed.
 * Immutable; start from {@link #defaults()} and use the {@code with...} methods.
 *
 * @param domain the virtual host, e.g. {@code localhost}; {@code conference.<domain>} (MUC) and
 * {@code pubsub.<domain>} (pubsub) are added
 * @param componentDomain the external component's domain, e.g. {@code bot.localhost}
 * @param componentSecret the component's shared secret
 * @param users user name to password, registered on {@code domain} at the first start
 * @param logLevel minimum level of {@link ProsodyServer#logFile()}: debug, info, warn or error
 * @param executable the {@code prosody} executable, or {@code null} to look for it on the PATH
 * and in {@code /usr/bin}, {@code /usr/local/bin}
 * @param startTimeout how long {@link ProsodyServer#start()} waits for the ports to accept
 * @param c2sPort client port, 0 for a free one
 * @param componentPort XEP-0114 component port, 0 for a free one
 * @param httpPort BOSH and websocket port, 0 for a free one
 * @param conflictResolve what Prosody does when a second session authenticates for the component's
 * domain ({@code component_conflict_resolve})
 * @param handover whether the component host loads Kindling's {@code mod_kindling_handover}
 * (written into the server's plugin directory), which holds the domain's stanzas while a
 * draining instance hands over to the next one, so that a planned hand-over loses nothing
 */
public record ProsodyOptions(String domain, String componentDomain, String componentSecret,
		Map<String, String> users, String logLevel, @Nullable Path executable, Duration startTimeout,
		int c2sPort, int componentPort, int httpPort, ConflictResolve conflictResolve, boolean handover) {

	/** Prosody's {@code component_conflict_resolve}: which of two sessions for one component domain stays. */
	public enum ConflictResolve {

		/** The newcomer is refused with {@code conflict}; the session in place stays (Prosody's default). */
		KICK_NEW,

		/**
		 * The newcomer wins; the session in place is closed with {@code conflict} ("Replaced by a new
		 * connection").
		 */
		KICK_OLD;

		/** The option's value in Prosody's configuration. */
		public String luaValue() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	private static final Set<String> LOG_LEVELS = Set.of("debug", "info", "warn", "error");

	public ProsodyOptions {
		users = ServerOptions.requireIdentity(domain, componentDomain, componentSecret, users);
		if (!LOG_LEVELS.contains(logLevel)) {
			throw new IllegalArgumentException("logLevel must be one of " + LOG_LEVELS + ": " + logLevel);
		}
		ServerOptions.requireStart(startTimeout, c2sPort, componentPort, httpPort);
		Objects.requireNonNull(conflictResolve, "conflictResolve");
	}

	/**
	 * Options with Prosody's default conflict resolution, {@link ConflictResolve#KICK_NEW}, and
	 * Kindling's hand-over module.
	 */
	public ProsodyOptions(String domain, String componentDomain, String componentSecret, Map<String, String> users,
			String logLevel, @Nullable Path executable, Duration startTimeout, int c2sPort, int componentPort,
			int httpPort) {
		this(domain, componentDomain, componentSecret, users, logLevel, executable, startTimeout, c2sPort, componentPort,
				httpPort, ConflictResolve.KICK_NEW, true);
	}

	/** Options with Kindling's hand-over module loaded on the component host. */
	public ProsodyOptions(String domain, String componentDomain, String componentSecret, Map<String, String> users,
			String logLevel, @Nullable Path executable, Duration startTimeout, int c2sPort, int componentPort,
			int httpPort, ConflictResolve conflictResolve) {
		this(domain, componentDomain, componentSecret, users, logLevel, executable, startTimeout, c2sPort, componentPort,
				httpPort, conflictResolve, true);
	}

	/**
	 * Domain {@code localhost}, component {@code bot.localhost} with a random secret, no users, log
	 * level info, Prosody from the PATH, a 10 s start timeout and free ports.
	 */
	public static ProsodyOptions defaults() {
		return new ProsodyOptions("localhost", "bot.localhost", ServerOptions.randomSecret(), Map.of(), "info", null,
				Duration.ofSeconds(10), 0, 0, 0);
	}

	public ProsodyOptions withDomain(String domain) {
		return new ProsodyOptions(domain, this.componentDomain, this.componentSecret, this.users, this.logLevel,
				this.executable, this.startTimeout, this.c2sPort, this.componentPort, this.httpPort,
				this.conflictResolve, this.handover);
	}

	public ProsodyOptions withComponentDomain(String componentDomain) {
		return new ProsodyOptions(this.domain, componentDomain, this.componentSecret, this.users, this.logLevel,
				this.executable, this.startTimeout, this.c2sPort, this.componentPort, this.httpPort,
				this.conflictResolve, this.handover);
	}

	public ProsodyOptions withComponentSecret(String componentSecret) {
		return new ProsodyOptions(this.domain, this.componentDomain, componentSecret, this.users, this.logLevel,
				this.executable, this.startTimeout, this.c2sPort, this.componentPort, this.httpPort,
				this.conflictResolve, this.handover);
	}

	/** Adds (or replaces) a user registered at the first start. */
	public ProsodyOptions withUser(String user, String password) {
		Map<String, String> all = new LinkedHashMap<>(this.users);
		all.put(user, password);
		return withUsers(all);
	}

	/** Replaces the users registered at the first start. */
	public ProsodyOptions withUsers(Map<String, String> users) {
		return new ProsodyOptions(this.domain, this.componentDomain, this.componentSecret, users, this.logLevel,
				this.executable, this.startTimeout, this.c2sPort, this.componentPort, this.httpPort,
				this.conflictResolve, this.handover);
	}

	public ProsodyOptions withLogLevel(String logLevel) {
		return new ProsodyOptions(this.domain, this.componentDomain, this.componentSecret, this.users, logLevel,
				this.executable, this.startTimeout, this.c2sPort, this.componentPort, this.httpPort,
				this.conflictResolve, this.handover);
	}

	/** The {@code prosody} executable: a path, or a bare name looked up on the PATH. */
	public ProsodyOptions withExecutable(@Nullable Path executable) {
		return new ProsodyOptions(this.domain, this.componentDomain, this.componentSecret, this.users,
				this.logLevel, executable, this.startTimeout, this.c2sPort, this.componentPort, this.httpPort,
				this.conflictResolve, this.handover);
	}

	public ProsodyOptions withStartTimeout(Duration startTimeout) {
		return new ProsodyOptions(this.domain, this.componentDomain, this.componentSecret, this.users,
				this.logLevel, this.executable, startTimeout, this.c2sPort, this.componentPort, this.httpPort,
				this.conflictResolve, this.handover);
	}

	/**
	 * Fixed ports, e.g. 5222 for a desktop client on a dev server; 0 picks a free one. Fixed ports
	 * are not re-picked when they are taken: {@link ProsodyServer#start()} fails instead.
	 */
	public ProsodyOptions withPorts(int c2sPort, int componentPort, int httpPort) {
		return new ProsodyOptions(this.domain, this.componentDomain, this.componentSecret, this.users,
				this.logLevel, this.executable, this.startTimeout, c2sPort, componentPort, httpPort,
				this.conflictResolve, this.handover);
	}

	/** Which session Prosody keeps when a second one authenticates for the component's domain. */
	public ProsodyOptions withConflictResolve(ConflictResolve conflictResolve) {
		return new ProsodyOptions(this.domain, this.componentDomain, this.componentSecret, this.users,
				this.logLevel, this.executable, this.startTimeout, this.c2sPort, this.componentPort, this.httpPort,
				conflictResolve, this.handover);
	}

	/**
	 * Whether the component host loads {@code mod_kindling_handover} (on by default): a draining
	 * instance asks it to hold the domain's stanzas for the next instance instead of answering them
	 * with errors or missing those routed while its stream ends. Off, a hand-over works as on a
	 * server without the module (Kindling falls back to its ping barrier).
	 */
	public ProsodyOptions withHandover(boolean handover) {
		return new ProsodyOptions(this.domain, this.componentDomain, this.componentSecret, this.users,
				this.logLevel, this.executable, this.startTimeout, this.c2sPort, this.componentPort, this.httpPort,
				this.conflictResolve, handover);
	}

	/** Leaves the secret out, so options can be logged. */
	@Override
	public String toString() {
		return "ProsodyOptions[domain=" + this.domain + ", componentDomain=" + this.componentDomain + ", users="
				+ this.users.keySet() + ", logLevel=" + this.logLevel + ", executable=" + this.executable
				+ ", startTimeout=" + this.startTimeout + ", ports=" + this.c2sPort + "/" + this.componentPort + "/"
				+ this.httpPort + ", conflictResolve=" + this.conflictResolve.luaValue() + ", handover=" + this.handover + "]";
	}

	/**
	 * Renders the classpath template {@code prosody.cfg.lua} for a server in {@code dir}. Strings
	 * are inserted as quoted, escaped Lua literals, ports as numbers.
	 */
	String renderConfig(Path dir, int c2s, int component, int http) {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("pidFile", lua(dir.resolve("prosody.pid")));
		values.put("dataPath", lua(dir.resolve("data")));
		values.put("certificates", lua(dir.resolve("certs")));
		values.put("pluginPath", lua(dir.resolve("plugins")));
		values.put("logFile", lua(dir.resolve("prosody.log")));
		values.put("logLevel", lua(this.logLevel));
		values.put("c2sPort", Integer.toString(c2s));
		values.put("componentPort", Integer.toString(component));
		values.put("httpPort", Integer.toString(http));
		values.put("domain", lua(this.domain));
		values.put("componentDomain", lua(this.componentDomain));
		values.put("componentSecret", lua(this.componentSecret));
		values.put("conflictResolve", lua(this.conflictResolve.luaValue()));
		values.put("componentModules", this.handover ? "{ " + lua("kindling_handover") + " }" : "{ }");
		values.put("mucDomain", lua("conference." + this.domain));
		values.put("pubsubDomain", lua("pubsub." + this.domain));
		return ServerOptions.render("prosody.cfg.lua", values);
	}

	/** A double-quoted Lua string literal. */
	static String lua(Object value) {
		String text = value.toString();
		StringBuilder literal = new StringBuilder(text.length() + 2).append('"');
		for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
			int c = b & 0xff;
			if (c == '"' || c == '\\') {
				literal.append('\\').append((char) c);
			}
			else if (c < 0x20 || c >= 0x7f) {
				// Control characters and non-ASCII bytes as decimal escapes: the file stays ASCII.
				literal.append('\\').append(String.format("%03d", c));
			}
			else {
				literal.append((char) c);
			}
		}
		return literal.append('"').toString();
	}

}
