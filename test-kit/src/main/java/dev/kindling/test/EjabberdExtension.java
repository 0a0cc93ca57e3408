package dev.kindling.test;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.platform.commons.support.AnnotationSupport;

import dev.kindling.devserver.EjabberdBalancing;
import dev.kindling.devserver.EjabberdCluster;
import dev.kindling.devserver.EjabberdOptions;
import dev.kindling.devserver.EjabberdServer;

/**
 * A real ejabberd per test class, one node or a cluster: started before all tests, closed after
 * them. Register it on a static field,
 * <pre class="code">
 * &#64;RegisterExtension
 * static final EjabberdExtension ejabberd = EjabberdExtension.withUsers("alice", "bob")
 *     .balancing(EjabberdBalancing.BARE_SOURCE, 2)
 *     .cluster(2);
 * </pre>
 * and use {@link #server()} and {@link #cluster()}, or declare an {@link EjabberdServer} (node 0
 * of a cluster) or {@link EjabberdCluster} parameter; {@link WithEjabberd} is the annotation form.
 * Each user's password is the user name unless given with {@link #user(String, String)}.
 * <p>
 * Without ejabberd installed, the test class fails (it is never skipped) with a one-line message
 * that says what to install. When a test fails, the last 40 lines of each node's log go to
 * stderr, and the logs are kept under {@code target/ejabberd-logs}.
 */
public final class EjabberdExtension
		implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, ParameterResolver, TestWatcher {

	private final @Nullable EjabberdOptions options;

	private final int nodes;

	private volatile @Nullable EjabberdServer server;

	private volatile @Nullable EjabberdCluster cluster;

	/** The unique id of the class context that started the server (a nested class reuses it). */
	private @Nullable String ownerId;

	private volatile boolean testFailed;

	/** For {@code @ExtendWith}: options from {@link WithEjabberd} on the test class, else defaults. */
	public EjabberdExtension() {
		this.options = null;
		this.nodes = 1;
	}

	private EjabberdExtension(EjabberdOptions options, int nodes) {
		this.options = options;
		this.nodes = nodes;
	}

	/** Registers the users, each with the user name as password. */
	public static EjabberdExtension withUsers(String... users) {
		return new EjabberdExtension(EjabberdOptions.defaults().withUsers(ServerLogs.namesAsPasswords(users)), 1);
	}

	public static EjabberdExtension withOptions(EjabberdOptions options) {
		return new EjabberdExtension(options, 1);
	}

	/** Adds a user with its password. */
	public EjabberdExtension user(String user, String password) {
		return new EjabberdExtension(options().withUser(user, password), this.nodes);
	}

	public EjabberdExtension domain(String domain) {
		return new EjabberdExtension(options().withDomain(domain), this.nodes);
	}

	public EjabberdExtension componentDomain(String componentDomain) {
		return new EjabberdExtension(options().withComponentDomain(componentDomain), this.nodes);
	}

	public EjabberdExtension componentSecret(String componentSecret) {
		return new EjabberdExtension(options().withComponentSecret(componentSecret), this.nodes);
	}

	/**
	 * Balances the component domain's sessions over {@code componentNumber} fixed slots
	 * ({@code domain_balancing}), e.g. {@code balancing(EjabberdBalancing.BARE_SOURCE, 2)}.
	 */
	public EjabberdExtension balancing(EjabberdBalancing type, int componentNumber) {
		return new EjabberdExtension(options().withBalancing(type, componentNumber), this.nodes);
	}

	/** Runs a cluster of {@code nodes} nodes (2 or more) instead of one server. */
	public EjabberdExtension cluster(int nodes) {
		if (nodes < 2) {
			throw new IllegalArgumentException("A cluster needs 2 or more nodes: " + nodes);
		}
		return new EjabberdExtension(options(), nodes);
	}

	/** ejabberd's log level: info (the default), debug (the stanzas show up), warning, error... */
	public EjabberdExtension logLevel(String logLevel) {
		return new EjabberdExtension(options().withLogLevel(logLevel), this.nodes);
	}

	public EjabberdOptions options() {
		return (this.options != null) ? this.options : EjabberdOptions.defaults();
	}

	/**
	 * The running server of the current test class: node 0 of a cluster.
	 * @throws IllegalStateException outside the test class's lifecycle
	 */
	public EjabberdServer server() {
		EjabberdServer current = this.server;
		if (current == null) {
			throw new IllegalStateException("ejabberd is not started: use EjabberdServer within the test class, "
					+ "and register EjabberdExtension on a static field");
		}
		return current;
	}

	/**
	 * The running cluster of the current test class.
	 * @throws IllegalStateException outside the test class's lifecycle, or without {@link #cluster(int)}
	 */
	public EjabberdCluster cluster() {
		server();
		EjabberdCluster current = this.cluster;
		if (current == null) {
			throw new IllegalStateException("ejabberd runs as a single server: configure EjabberdExtension with "
					+ ".cluster(2) (or @WithEjabberd(nodes = 2)) for an EjabberdCluster");
		}
		return current;
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		if (this.server != null) {
			return; // a @Nested class: the enclosing class's server serves it too
		}
		Optional<WithEjabberd> annotation = (this.options != null) ? Optional.empty()
				: context.getTestClass()
					.flatMap((testClass) -> AnnotationSupport.findAnnotation(testClass, WithEjabberd.class));
		EjabberdOptions resolved = annotation.map(EjabberdExtension::options).orElseGet(this::options);
		int size = annotation.map(WithEjabberd::nodes).orElse(this.nodes);
		// A missing ejabberd throws EjabberdNotInstalledException: the class fails, it is not skipped.
		// A failed start throws with the tail of ejabberd's log.
		if (size > 1) {
			EjabberdCluster started = EjabberdCluster.start(resolved, size);
			this.cluster = started;
			this.server = started.node(0);
		}
		else {
			EjabberdServer created = EjabberdServer.create(resolved);
			try {
				created.start();
			}
			catch (RuntimeException ex) {
				created.close();
				throw ex;
			}
			this.server = created;
		}
		this.ownerId = context.getUniqueId();
		this.testFailed = false;
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		server(); // fails clearly when registered on an instance field, where beforeAll is not called
	}

	@Override
	public void afterAll(ExtensionContext context) {
		EjabberdServer current = this.server;
		if (current == null || !context.getUniqueId().equals(this.ownerId)) {
			return;
		}
		EjabberdCluster currentCluster = this.cluster;
		try {
			if (this.testFailed) {
				keepLogs(nodes(), context);
			}
		}
		finally {
			this.server = null;
			this.cluster = null;
			this.ownerId = null;
			if (currentCluster != null) {
				currentCluster.close();
			}
			else {
				current.close();
			}
		}
	}

	@Override
	public void testFailed(ExtensionContext context, @Nullable Throwable cause) {
		if (this.server == null) {
			return;
		}
		this.testFailed = true;
		for (EjabberdServer node : nodes()) {
			ServerLogs.printTail("EjabberdExtension", context, "ejabberd log of " + node.nodeName(), node);
		}
	}

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		Class<?> type = parameterContext.getParameter().getType();
		return type == EjabberdServer.class || type == EjabberdCluster.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		EjabberdServer current = this.server;
		if (current == null) {
			throw new ParameterResolutionException("ejabberd is not started: register EjabberdExtension on a "
					+ "static field or with @WithEjabberd on the test class");
		}
		if (parameterContext.getParameter().getType() == EjabberdCluster.class) {
			EjabberdCluster currentCluster = this.cluster;
			if (currentCluster == null) {
				throw new ParameterResolutionException("ejabberd runs as a single server: configure "
						+ "EjabberdExtension with .cluster(2) (or @WithEjabberd(nodes = 2)) for an EjabberdCluster");
			}
			return currentCluster;
		}
		return current;
	}

	@Override
	public String toString() {
		return "EjabberdExtension[" + options() + ((this.nodes > 1) ? ", " + this.nodes + " nodes" : "") + "]";
	}

	private List<EjabberdServer> nodes() {
		EjabberdCluster currentCluster = this.cluster;
		if (currentCluster != null) {
			return currentCluster.nodes();
		}
		EjabberdServer current = this.server;
		return (current != null) ? List.of(current) : List.of();
	}

	private static EjabberdOptions options(WithEjabberd with) {
		EjabberdOptions resolved = EjabberdOptions.defaults()
			.withDomain(with.domain())
			.withComponentDomain(with.componentDomain())
			.withUsers(ServerLogs.namesAsPasswords(with.users()))
			.withBalancing(EjabberdBalancing.of(with.balancing()), with.componentNumber())
			.withLogLevel(with.logLevel());
		return with.componentSecret().isEmpty() ? resolved : resolved.withComponentSecret(with.componentSecret());
	}

	/** Copies the logs out of the directories that close() deletes, to target/ejabberd-logs if there is a target. */
	private static void keepLogs(List<EjabberdServer> nodes, ExtensionContext context) {
		Path dir = ServerLogs.directory("ejabberd");
		String prefix = context.getTestClass().map(Class::getName).orElse("ejabberd");
		for (int i = 0; i < nodes.size(); i++) {
			String name = prefix + ((nodes.size() > 1) ? "-ejabberd-node" + i + ".log" : "-ejabberd.log");
			ServerLogs.keep("EjabberdExtension", "ejabberd", nodes.get(i), dir, name);
		}
	}

}
