package dev.kindling.devserver;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A throw-away Prosody XMPP server on loopback for development and tests. {@link #create}
 * renders {@code prosody.cfg.lua} into a new temporary directory with free ports;
 * {@link #start()} runs {@code prosody -F} and returns once every host is loaded and the
 * client, component and HTTP ports accept connections (about 0.1 s); {@link #close()} stops it
 * and deletes the directory. A MUC service runs at {@link #mucDomain()} and a pubsub service at
 * {@link #pubsubDomain()} (the component domain is its admin).
 * <p>
 * Fault injection: {@link #kill()}, {@link #stop()}, {@link #restart()} (same ports, same
 * data), {@link #freeze()} and {@link #unfreeze()}. If the JVM exits without {@link #close()}, a
 * shutdown hook kills Prosody and deletes the directory. Methods that change the process are
 * synchronized.
 */
public final class ProsodyServer implements XmppServer, AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(ProsodyServer.class);

	/** Attempts with fresh ports when Prosody could not bind one (another process took it). */
	private static final int PORT_ATTEMPTS = 5;

	private final ProsodyOptions options;

	private final Path executable;

	private final Path directory;

	private final Path configFile;

	private final Path outputFile;

	/** Kills Prosody and deletes the directory if the JVM exits without {@link #close()}. */
	private final Thread shutdownHook = new Thread(this::killAndDelete, "prosody-shutdown-hook");

	private volatile int c2sPort;

	private volatile int componentPort;

	private volatile int httpPort;

	private volatile @Nullable Process process;

	private volatile boolean frozen;

	private volatile boolean closed;

	/** Set after the first successful start: the ports are kept from then on. */
	private boolean started;

	private boolean usersRegistered;

	private @Nullable Path prosodyctl;

	private ProsodyServer(ProsodyOptions options, Path executable, Path directory) {
		this.options = options;
		this.executable = executable;
		this.directory = directory;
		this.configFile = directory.resolve("prosody.cfg.lua");
		this.outputFile = directory.resolve("prosody.out");
	}

	/** A server with {@link ProsodyOptions#defaults()}, not started yet. */
	public static ProsodyServer create() {
		return create(ProsodyOptions.defaults());
	}

	/**
	 * Creates the directory, picks free ports and writes the configuration, but does not start
	 * Prosody yet; {@link #register} already works.
	 * @throws ProsodyNotInstalledException if the {@code prosody} executable cannot be found
	 */
	public static ProsodyServer create(ProsodyOptions options) {
		Path executable = ProsodyTools.locate(options.executable(), "prosody");
		Path directory = ProsodyTools.createDirectory();
		try {
			ProsodyServer server = new ProsodyServer(options, executable, directory);
			server.choosePorts();
			Runtime.getRuntime().addShutdownHook(server.shutdownHook);
			return server;
		}
		catch (RuntimeException ex) {
			ProsodyTools.deleteRecursively(directory);
			throw ex;
		}
	}

	/**
	 * Starts Prosody, registers the users of the options (first start only) and waits until it
	 * has loaded every host (MUC and pubsub included) and the three ports accept connections.
	 * Does nothing if it is already running. After the first start, the ports and data stay the
	 * same, so this also restarts a stopped or killed server.
	 * @return this server
	 * @throws ProsodyException if Prosody exits, cannot bind its ports or is not ready in time;
	 * the message holds the tail of its output
	 */
	public synchronized ProsodyServer start() {
		ensureOpen();
		if (isRunning()) {
			return this;
		}
		long startNanos = System.nanoTime();
		for (int attempt = 1;; attempt++) {
			long outputOffset = ProsodyTools.size(this.outputFile);
			Process started = spawn();
			boolean ready = false;
			try {
				if (!this.usersRegistered) {
					// Prosody reads no account files while it boots, so this overlaps with its start.
					register(this.options.users());
					this.usersRegistered = true;
				}
				ready = ProsodyTools.awaitReady(started, this.outputFile, outputOffset, this.options.startTimeout(),
						this.c2sPort, this.componentPort, this.httpPort);
			}
			finally {
				if (!ready) {
					ProsodyTools.destroy(started, true);
					this.process = null;
				}
			}
			if (ready) {
				break;
			}
			boolean fixed = this.started || this.options.c2sPort() != 0 || this.options.componentPort() != 0
					|| this.options.httpPort() != 0;
			if (fixed || attempt == PORT_ATTEMPTS) {
				throw new ProsodyException("Prosody could not listen on 127.0.0.1 ports " + ports()
						+ " (in use by another process?)" + ProsodyTools.outputTail(this.outputFile));
			}
			logger.debug("Prosody could not bind one of the ports {}; retrying with new ports", ports());
			choosePorts();
		}
		this.started = true;
		logger.info("Prosody started in {} ms on 127.0.0.1: c2s {}, component {}, http {} (pid {}, {})",
				ProsodyTools.millisSince(startNanos), this.c2sPort, this.componentPort, this.httpPort, pid(),
				this.directory);
		return this;
	}

	/**
	 * Registers (or re-registers with a new password) a user on {@link #domain()} with
	 * {@code prosodyctl register}. Works before {@link #start()} and while the server runs.
	 * @throws ProsodyException if prosodyctl rejects the user, e.g. an invalid user name
	 */
	public void register(String user, String password) {
		register(Map.of(user, password));
	}

	/**
	 * Registers users (name to password) like {@link #register(String, String)}, all at once.
	 */
	public synchronized void register(Map<String, String> users) {
		ensureOpen();
		if (users.isEmpty()) {
			return;
		}
		long startNanos = System.nanoTime();
		if (this.prosodyctl == null) {
			Path sibling = this.executable.resolveSibling("prosodyctl");
			this.prosodyctl = Files.isExecutable(sibling) ? sibling : ProsodyTools.locate(null, "prosodyctl");
		}
		Map<String, List<String>> commands = new LinkedHashMap<>();
		users.forEach((user, password) -> commands.put("prosodyctl register " + user + " " + domain(),
				List.of(this.prosodyctl.toString(), "--config", this.configFile.toString(), "register", user, domain(),
						password)));
		ProsodyTools.runAll(commands);
		logger.debug("Registered {} on {} in {} ms", users.keySet(), domain(), ProsodyTools.millisSince(startNanos));
	}

	/** Stops Prosody with SIGTERM and waits; after 5 s it is killed. Does nothing if not running. */
	public synchronized void stop() {
		Process running = this.process;
		if (running == null || !running.isAlive()) {
			this.process = null;
			this.frozen = false;
			return;
		}
		long startNanos = System.nanoTime();
		running.destroy();
		if (this.frozen) {
			// A stopped process only acts on SIGTERM once it continues.
			ProsodyTools.signal(running.pid(), "CONT");
			this.frozen = false;
		}
		ProsodyTools.destroy(running, false);
		this.process = null;
		logger.info("Prosody stopped in {} ms (pid {}, exit code {})", ProsodyTools.millisSince(startNanos),
				running.pid(), running.exitValue());
	}

	/** Kills Prosody with SIGKILL (a crash) and waits until it is gone. */
	public synchronized void kill() {
		Process running = this.process;
		if (running == null) {
			return;
		}
		long startNanos = System.nanoTime();
		ProsodyTools.destroy(running, true);
		this.process = null;
		this.frozen = false;
		logger.info("Prosody killed in {} ms (pid {})", ProsodyTools.millisSince(startNanos), running.pid());
	}

	/** Stops Prosody if it runs, then starts it again on the same ports with the same data. */
	public synchronized ProsodyServer restart() {
		stop();
		return start();
	}

	/**
	 * Suspends Prosody with SIGSTOP: its ports still accept TCP connections (the kernel's
	 * backlog), but it reads and answers nothing until {@link #unfreeze()}.
	 */
	public synchronized void freeze() {
		Process running = requireRunning();
		ProsodyTools.signal(running.pid(), "STOP");
		ProsodyTools.awaitStopped(running.pid(), true);
		this.frozen = true;
		logger.debug("Prosody frozen (pid {})", running.pid());
	}

	/** Resumes Prosody after {@link #freeze()} with SIGCONT. */
	public synchronized void unfreeze() {
		Process running = requireRunning();
		ProsodyTools.signal(running.pid(), "CONT");
		ProsodyTools.awaitStopped(running.pid(), false);
		this.frozen = false;
		logger.debug("Prosody unfrozen (pid {})", running.pid());
	}

	/**
	 * Leave stopping to the owner's {@link #close()}. For a container such as a Spring context,
	 * whose own shutdown hook stops the component before it closes the server: this server's hook
	 * would otherwise kill Prosody at the same moment, under a component still saying goodbye.
	 * @return this server
	 */
	public ProsodyServer withoutShutdownHook() {
		ServerProcess.removeShutdownHook(this.shutdownHook);
		return this;
	}

	/** Stops Prosody and deletes its directory. Idempotent. */
	@Override
	public synchronized void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		try {
			stop();
		}
		finally {
			ServerProcess.removeShutdownHook(this.shutdownHook);
			ProsodyTools.deleteRecursively(this.directory);
		}
	}

	public ProsodyOptions options() {
		return this.options;
	}

	@Override
	public String domain() {
		return this.options.domain();
	}

	@Override
	public String componentDomain() {
		return this.options.componentDomain();
	}

	@Override
	public String componentSecret() {
		return this.options.componentSecret();
	}

	@Override
	public int c2sPort() {
		return this.c2sPort;
	}

	@Override
	public int componentPort() {
		return this.componentPort;
	}

	@Override
	public int httpPort() {
		return this.httpPort;
	}

	/** The temporary directory with the configuration, data and logs. Deleted by {@link #close()}. */
	@Override
	public Path directory() {
		return this.directory;
	}

	/** Prosody's log, at the level of the options. */
	@Override
	public Path logFile() {
		return this.directory.resolve("prosody.log");
	}

	/**
	 * The process id of the running Prosody.
	 * @throws IllegalStateException if it is not running
	 */
	@Override
	public long pid() {
		return requireRunning().pid();
	}

	/** Whether the process is alive (a frozen one is). */
	@Override
	public boolean isRunning() {
		return ServerProcess.isAlive(this.process);
	}

	public boolean isFrozen() {
		return this.frozen && isRunning();
	}

	@Override
	public String toString() {
		return "ProsodyServer[" + domain() + ", component " + componentDomain() + ", ports " + ports()
				+ (isRunning() ? ", running" : "") + ", " + this.directory + "]";
	}

	private Process spawn() {
		Process started = ProsodyTools.spawn(this.executable, this.configFile, this.outputFile);
		this.process = started;
		return started;
	}

	private void choosePorts() {
		ProsodyOptions o = this.options;
		int[] ports = ProsodyTools.freePorts(o.c2sPort(), o.componentPort(), o.httpPort());
		this.c2sPort = ports[0];
		this.componentPort = ports[1];
		this.httpPort = ports[2];
		ProsodyTools.write(this.configFile, o.renderConfig(this.directory, ports[0], ports[1], ports[2]));
	}

	private String ports() {
		return ServerProcess.ports(this.c2sPort, this.componentPort, this.httpPort);
	}

	private void killAndDelete() {
		ServerProcess.killAndDelete(this.process, this.directory);
	}

	private Process requireRunning() {
		return ServerProcess.requireRunning(this.process, "Prosody");
	}

	private void ensureOpen() {
		if (this.closed) {
			throw new IllegalStateException("This ProsodyServer is closed");
		}
	}

}
