package dev.kindling.devserver;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A throw-away ejabberd XMPP server on loopback for development and tests, one Erlang node.
 * {@link #create} renders {@code ejabberd.yml} into a new temporary directory with free ports;
 * {@link #start()} runs the node (no {@code ejabberdctl}, no epmd, no system service: its own
 * node name, cookie and distribution port) and returns once ejabberd is started, the users of
 * the options are registered and the client, component and HTTP ports accept connections (about
 * 1 s); {@link #close()} stops it and deletes the directory. A MUC service runs at
 * {@link #mucDomain()} and a pubsub service at {@link #pubsubDomain()}; the component domain's
 * sessions are balanced as {@link EjabberdOptions#balancing()} says. {@link EjabberdCluster}
 * joins several of them.
 * <p>
 * Fault injection: {@link #kill()} (SIGKILL), {@link #stop()} (SIGTERM), {@link #restart()}
 * (same node name, ports and data). Users registered here are flushed to disk before
 * {@link #register} returns, so they survive a kill; call {@link #sync()} after creating other
 * fixtures (rooms, pubsub nodes) that must. If the JVM exits without {@link #close()}, a shutdown
 * hook kills the node and deletes the directory. Methods that change the process are
 * synchronized.
 */
public final class EjabberdServer implements XmppServer, AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(EjabberdServer.class);

	/** Attempts with fresh ports when ejabberd could not bind one (another process took it). */
	private static final int PORT_ATTEMPTS = 5;

	static final String READY_LINE = "Kindling: ejabberd is ready";

	/**
	 * Registers (or sets the password of) each {@code {Name, Password}} of the file in
	 * {@code Kindling__UserFile}, in parallel, on {@code Kindling__Host}; a list of the failures.
	 */
	private static final String REGISTER = """
			Kindling__Register = fun({U, P}) ->
			    UB = unicode:characters_to_binary(U), PB = unicode:characters_to_binary(P),
			    case ejabberd_auth:try_register(UB, Kindling__Host, PB) of
			        ok -> ok;
			        {error, exists} -> ejabberd_auth:set_password(UB, Kindling__Host, PB);
			        Other -> {U, Other}
			    end
			end,
			{ok, Kindling__Users} = file:consult(Kindling__UserFile),
			Kindling__Self = self(),
			Kindling__Pids = [spawn_link(fun() -> Kindling__Self ! {self(), Kindling__Register(User)} end)
			    || User <- Kindling__Users],
			Kindling__Failed = [R || Pid <- Kindling__Pids, R <- [receive {Pid, Result} -> Result end], R =/= ok],
			""";

	/**
	 * Flushes Mnesia's transaction log and every disk-only table (dets, with delayed writes) of
	 * the node, so that what was written survives a SIGKILL.
	 */
	private static final String SYNC = """
			ok = mnesia:sync_log(),
			[ok = dets:sync(T) || T <- mnesia:system_info(local_tables),
			    mnesia:table_info(T, storage_type) =:= disc_only_copies],
			""";

	/**
	 * Halts the VM when its standard input reaches end of file: the JVM that started it holds the
	 * pipe's other end, which the kernel closes when the JVM exits, even killed, when no shutdown
	 * hook runs. No ejabberd outlives its test run.
	 */
	private static final String WATCHDOG = """
			spawn(fun() ->
			    (fun Kindling__Read() ->
			        case io:get_line("") of
			            Kindling__Line when is_list(Kindling__Line) -> Kindling__Read();
			            _ -> erlang:halt(0)
			        end
			    end)()
			end),
			""";

	private final EjabberdOptions options;

	private final EjabberdTools.Installation installation;

	/** Final once started; before, a standalone server may move its distribution port if it is taken. */
	private volatile EjabberdNode node;

	/** Not a node of an {@link EjabberdCluster}. */
	private final boolean standalone;

	private final Path directory;

	/** Runs {@link #evaluate}, {@link #register} while running, and {@link #sync()}. */
	private final EjabberdControl control;

	private final Path configFile;

	private final Path outputFile;

	/** Kills the node and deletes the directory if the JVM exits without {@link #close()}. */
	private final Thread shutdownHook = new Thread(this::killAndDelete, "ejabberd-shutdown-hook");

	/** Users to register when the node boots next (those registered while it was not running). */
	private final Map<String, String> pendingUsers = new LinkedHashMap<>();

	private volatile int c2sPort;

	private volatile int componentPort;

	private volatile int httpPort;

	private volatile @Nullable Process process;

	private volatile boolean closed;

	/** Set after the first successful start: the ports are kept from then on. */
	private boolean started;

	private EjabberdServer(EjabberdOptions options, EjabberdTools.Installation installation, EjabberdNode node,
			Path directory, boolean standalone) {
		this.options = options;
		this.installation = installation;
		this.node = node;
		this.standalone = standalone;
		this.control = new EjabberdControl(installation);
		this.directory = directory;
		this.configFile = directory.resolve("ejabberd.yml");
		this.outputFile = directory.resolve("ejabberd.out");
		this.pendingUsers.putAll(options.users());
	}

	/** A server with {@link EjabberdOptions#defaults()}, not started yet. */
	public static EjabberdServer create() {
		return create(EjabberdOptions.defaults());
	}

	/**
	 * Creates the directory, picks free ports and writes the configuration, but does not start
	 * ejabberd yet; {@link #register} already works (the users are registered when it starts).
	 * @throws EjabberdNotInstalledException if ejabberd or Erlang cannot be found
	 */
	public static EjabberdServer create(EjabberdOptions options) {
		EjabberdTools.Installation installation = EjabberdTools.locate(options.executable());
		EjabberdNode node = EjabberdNode.of(EjabberdNode.randomId(), 1, EjabberdTools.freeDistributionPort(1),
				EjabberdNode.randomCookie());
		return create(options, installation, node, true);
	}

	static EjabberdServer create(EjabberdOptions options, EjabberdTools.Installation installation,
			EjabberdNode node, boolean standalone) {
		Path directory = EjabberdTools.createDirectory();
		try {
			EjabberdServer server = new EjabberdServer(options, installation, node, directory, standalone);
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
	 * Starts the node, registers the pending users (those of the options at the first start) and
	 * waits until ejabberd is started and the three ports accept connections. Does nothing if it
	 * is already running. After the first start, the ports, node name and data stay the same, so
	 * this also restarts a stopped or killed server.
	 * @return this server
	 * @throws EjabberdException if ejabberd exits, cannot bind its ports or is not ready in time;
	 * the message holds the tail of its log
	 */
	public synchronized EjabberdServer start() {
		ensureOpen();
		if (isRunning()) {
			return this;
		}
		long startNanos = System.nanoTime();
		for (int attempt = 1;; attempt++) {
			long outputOffset = ProsodyTools.size(this.outputFile);
			long logOffset = ProsodyTools.size(logFile());
			Map<String, String> users = Map.copyOf(this.pendingUsers);
			Process spawned = EjabberdTools.spawn(this.installation, this.directory, this.node, bootExpression(users),
					this.outputFile);
			this.process = spawned;
			boolean ready = false;
			try {
				ready = awaitReady(spawned, outputOffset, logOffset);
			}
			finally {
				if (!ready) {
					EjabberdTools.destroy(spawned, true);
					this.process = null;
				}
			}
			if (ready) {
				users.keySet().forEach(this.pendingUsers::remove);
				break;
			}
			boolean fixed = this.started || this.options.c2sPort() != 0
					|| this.options.componentPort() != 0 || this.options.httpPort() != 0;
			if (fixed || attempt == PORT_ATTEMPTS) {
				throw new EjabberdException("ejabberd could not listen on 127.0.0.1 ports " + ports()
						+ " (in use by another process?)" + outputTail());
			}
			logger.debug("ejabberd could not bind one of the ports {}; retrying with new ports", ports());
			choosePorts();
			if (this.standalone) {
				// Perhaps the distribution port was the one taken. (The nodes of a cluster share theirs.)
				this.node = this.node.withDistributionPort(EjabberdTools.freeDistributionPort(1));
			}
		}
		this.started = true;
		logger.info("ejabberd started in {} ms on 127.0.0.1: c2s {}, component {}, http {} (node {}, pid {}, {})",
				ProsodyTools.millisSince(startNanos), this.c2sPort, this.componentPort, this.httpPort,
				this.node.name(), pid(), this.directory);
		return this;
	}

	/**
	 * Registers (or sets a new password for) a user on {@link #domain()}. Works before
	 * {@link #start()} (the user is registered when the node boots) and while it runs; the user
	 * is on disk when this returns, so it survives a {@link #kill()}.
	 * @throws EjabberdException if ejabberd rejects the user, e.g. an invalid user name
	 */
	public void register(String user, String password) {
		register(Map.of(user, password));
	}

	/**
	 * Registers users (name to password) like {@link #register(String, String)}, in parallel, then
	 * flushes them to disk.
	 */
	public synchronized void register(Map<String, String> users) {
		ensureOpen();
		if (users.isEmpty()) {
			return;
		}
		ServerOptions.requireUsers(users);
		if (!isRunning()) {
			this.pendingUsers.putAll(users);
			return;
		}
		long startNanos = System.nanoTime();
		Path file = writeUserFile(users);
		try {
			String failed = evaluate(hostBindings(file) + REGISTER + SYNC + "Kindling__Failed", "register");
			if (!failed.equals("[]")) {
				throw new EjabberdException("ejabberd did not register " + failed);
			}
		}
		finally {
			ProsodyTools.deleteRecursively(file);
		}
		logger.debug("Registered {} on {} in {} ms", users.keySet(), domain(), ProsodyTools.millisSince(startNanos));
	}

	/**
	 * Flushes what ejabberd wrote (Mnesia's log and its disk-only tables) to disk, so that rooms,
	 * pubsub nodes or rosters created just before survive a {@link #kill()}.
	 * @throws IllegalStateException if it is not running
	 */
	public synchronized void sync() {
		requireRunning();
		evaluate(SYNC + "ok", "sync");
	}

	/**
	 * Evaluates Erlang expressions (comma-separated, without the final period) on this node and
	 * returns the value of the last one printed with {@code ~p}: a test's window into the server,
	 * e.g. {@code "ejabberd_cluster:get_nodes()"}. A hidden Erlang node started on the first call
	 * (about 0.3 s) runs them; later calls take a round trip.
	 * @throws EjabberdException if an expression raises, with the error
	 * @throws IllegalStateException if it is not running
	 */
	public String evaluate(String expressions) {
		requireRunning();
		return evaluate(expressions, "evaluate");
	}

	private String evaluate(String expressions, String what) {
		String remote = "Kindling__Node = " + EjabberdTools.erlangAtom(this.node.name()) + ", "
				+ "case rpc:call(Kindling__Node, erlang, apply, [fun() -> " + expressions + " end, []]) of "
				+ "{badrpc, Kindling__Why} -> erlang:error({badrpc, Kindling__Why}); Kindling__Value -> Kindling__Value end";
		return this.control.evaluate(this.node, remote, what);
	}

	/**
	 * How many XEP-0114 sessions serve {@link #componentDomain()} in the route table, which a
	 * cluster shares: with {@code domain_balancing}, the slots that have a session. A test waits on
	 * it until its replicas are connected, or a killed one is gone.
	 * @throws IllegalStateException if it is not running
	 */
	public int componentSessions() {
		// A balanced domain keeps a route per slot; an empty slot's has no pid: {route, Domain,
		// ServerHost, Pid, LocalHint}.
		return Integer.parseInt(evaluate("{ok, Kindling__Routes} = ejabberd_router_mnesia:find_routes("
				+ EjabberdTools.erlangBinary(componentDomain())
				+ "), length([R || R <- Kindling__Routes, is_pid(element(4, R))])"));
	}

	/**
	 * Stops the node with SIGTERM (Erlang's orderly shutdown: sessions are closed, Mnesia is
	 * written) and waits; after 10 s it is killed. Does nothing if not running.
	 */
	public synchronized void stop() {
		Process running = this.process;
		if (running == null || !running.isAlive()) {
			this.process = null;
			return;
		}
		long startNanos = System.nanoTime();
		// SIGTERM through the handle: Process.destroy() would also close the node's standard input,
		// on which it halts at once (see WATCHDOG) instead of stopping in order.
		running.toHandle().destroy();
		EjabberdTools.destroy(running, false);
		this.process = null;
		logger.info("ejabberd stopped in {} ms (node {}, pid {}, exit code {})", ProsodyTools.millisSince(startNanos),
				this.node.name(), running.pid(), running.exitValue());
	}

	/** Kills the node with SIGKILL (a crash) and waits until it is gone; its ports are free at once. */
	public synchronized void kill() {
		Process running = this.process;
		if (running == null) {
			return;
		}
		long startNanos = System.nanoTime();
		EjabberdTools.destroy(running, true);
		this.process = null;
		logger.info("ejabberd killed in {} ms (node {}, pid {})", ProsodyTools.millisSince(startNanos),
				this.node.name(), running.pid());
	}

	/** Stops the node if it runs, then starts it again: same node name, ports and data. */
	public synchronized EjabberdServer restart() {
		stop();
		return start();
	}

	/**
	 * Leave stopping to the owner's {@link #close()}. For a container such as a Spring context,
	 * whose own shutdown hook stops the component before it closes the server: this server's hook
	 * would otherwise kill ejabberd at the same moment, under a component still saying goodbye.
	 * @return this server
	 */
	public EjabberdServer withoutShutdownHook() {
		ServerProcess.removeShutdownHook(this.shutdownHook);
		return this;
	}

	/**
	 * Kills the node and deletes its directory. Idempotent. Its data is deleted anyway, so this
	 * does not wait for an orderly stop (about 1 s); call {@link #stop()} first for one.
	 */
	@Override
	public synchronized void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		try {
			this.control.close();
			kill();
		}
		finally {
			ServerProcess.removeShutdownHook(this.shutdownHook);
			ProsodyTools.deleteRecursively(this.directory);
		}
	}

	public EjabberdOptions options() {
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

	/** The Erlang node name, e.g. {@code kindling-1a2b3c4d-1@127.0.0.1}; kept across restarts. */
	public String nodeName() {
		return this.node.name();
	}

	/** The temporary directory with the configuration, database and logs. Deleted by {@link #close()}. */
	@Override
	public Path directory() {
		return this.directory;
	}

	/** ejabberd's log, at the level of the options. */
	@Override
	public Path logFile() {
		return this.directory.resolve("logs").resolve("ejabberd.log");
	}

	/**
	 * The process id of the running Erlang VM.
	 * @throws IllegalStateException if it is not running
	 */
	@Override
	public long pid() {
		return requireRunning().pid();
	}

	@Override
	public boolean isRunning() {
		return ServerProcess.isAlive(this.process);
	}

	@Override
	public String toString() {
		return "EjabberdServer[" + domain() + ", component " + componentDomain() + ", node " + this.node.name()
				+ ", ports " + ports() + (isRunning() ? ", running" : "") + ", " + this.directory + "]";
	}

	EjabberdNode node() {
		return this.node;
	}

	/**
	 * Joins this running node to {@code first}'s cluster ({@code join_cluster}): ejabberd restarts
	 * on this node with the cluster's database; returns once its ports accept again.
	 */
	synchronized void joinCluster(EjabberdServer first) {
		requireRunning();
		long startNanos = System.nanoTime();
		evaluate("ok = ejabberd_admin:join_cluster(" + EjabberdTools.erlangBinary(first.nodeName()) + ")",
				"join_cluster");
		long deadline = System.nanoTime() + this.options.startTimeout().toNanos();
		while (!IntStream.of(this.c2sPort, this.componentPort, this.httpPort).allMatch(ProsodyTools::accepts)) {
			if (!isRunning() || System.nanoTime() - deadline > 0) {
				throw new EjabberdException(this.node.name() + " did not accept connections after joining "
						+ first.nodeName() + outputTail());
			}
			EjabberdTools.pause(10);
		}
		logger.info("ejabberd node {} joined {} in {} ms", this.node.name(), first.nodeName(),
				ProsodyTools.millisSince(startNanos));
	}

	/**
	 * What the node evaluates once {@code ejabberd} is started: register the users, flush, and
	 * print {@link #READY_LINE}. If ejabberd failed to start, the VM has halted before.
	 */
	private String bootExpression(Map<String, String> users) {
		if (users.isEmpty()) {
			return WATCHDOG + "io:format(\"~s~n\", [" + EjabberdTools.erlangString(READY_LINE) + "]).";
		}
		Path file = writeUserFile(users);
		return WATCHDOG + hostBindings(file) + REGISTER + SYNC + "file:delete(Kindling__UserFile), case Kindling__Failed of "
				+ "[] -> io:format(\"~s~n\", [" + EjabberdTools.erlangString(READY_LINE) + "]); "
				+ "_ -> io:format(\"Kindling: ejabberd did not register ~p~n\", [Kindling__Failed]), erlang:halt(3) end.";
	}

	private String hostBindings(Path userFile) {
		return "Kindling__Host = " + EjabberdTools.erlangBinary(domain()) + ", Kindling__UserFile = "
				+ EjabberdTools.erlangString(userFile.toString()) + ", ";
	}

	/** The users as Erlang terms, one {@code {"name", "password"}.} a line, for file:consult. */
	private Path writeUserFile(Map<String, String> users) {
		Path file = this.directory.resolve("users-" + EjabberdNode.randomId() + ".eterm");
		ProsodyTools.write(file,
				users.entrySet()
					.stream()
					.map((user) -> "{" + EjabberdTools.erlangString(user.getKey()) + ", "
							+ EjabberdTools.erlangString(user.getValue()) + "}.\n")
					.collect(Collectors.joining()));
		return file;
	}

	/**
	 * Polls until the boot expression prints {@link #READY_LINE} and the ports accept. False if
	 * ejabberd could not bind a port (it halts then).
	 * @throws EjabberdException if it exits for another reason or is not ready in time
	 */
	private boolean awaitReady(Process spawned, long outputOffset, long logOffset) {
		long deadline = System.nanoTime() + this.options.startTimeout().toNanos();
		int[] ports = { this.c2sPort, this.componentPort, this.httpPort };
		while (true) {
			String output = ProsodyTools.readFrom(this.outputFile, outputOffset);
			if (output.contains(READY_LINE) && IntStream.of(ports).allMatch(ProsodyTools::accepts)) {
				return true;
			}
			if (!spawned.isAlive()) {
				String log = ProsodyTools.readFrom(logFile(), logOffset);
				if (log.contains("eaddrinuse") || output.contains("eaddrinuse")) {
					return false;
				}
				throw new EjabberdException("ejabberd exited during start with code " + spawned.exitValue()
						+ outputTail());
			}
			if (System.nanoTime() - deadline > 0) {
				throw new EjabberdException("ejabberd was not ready on ports "
						+ IntStream.of(ports).mapToObj(Integer::toString).collect(Collectors.joining(", ")) + " within "
						+ this.options.startTimeout().toMillis() + " ms" + outputTail());
			}
			EjabberdTools.pause(10);
		}
	}

	/** For exception messages: where to look, and the last lines of the output and the log. */
	private String outputTail() {
		return "; see " + this.directory + ". Last lines of its output:\n" + ProsodyTools.tail(this.outputFile, 20)
				+ "\nand of its log:\n" + ProsodyTools.tail(logFile(), 30);
	}

	private void choosePorts() {
		EjabberdOptions o = this.options;
		int[] ports = ProsodyTools.freePorts(o.c2sPort(), o.componentPort(), o.httpPort());
		this.c2sPort = ports[0];
		this.componentPort = ports[1];
		this.httpPort = ports[2];
		ProsodyTools.write(this.configFile, o.renderConfig(ports[0], ports[1], ports[2]));
	}

	private String ports() {
		return ServerProcess.ports(this.c2sPort, this.componentPort, this.httpPort);
	}

	private void killAndDelete() {
		ServerProcess.killAndDelete(this.process, this.directory);
	}

	private Process requireRunning() {
		return ServerProcess.requireRunning(this.process, "ejabberd");
	}

	private void ensureOpen() {
		if (this.closed) {
			throw new IllegalStateException("This EjabberdServer is closed");
		}
	}

}
