package dev.kindling.test;

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

import dev.kindling.devserver.ProsodyOptions;
import dev.kindling.devserver.ProsodyServer;

/**
 * A real Prosody per test class: started before all tests, closed after them. Register it on a
 * static field,
 * <pre class="code">
 * &#64;RegisterExtension
 * static final ProsodyExtension prosody = ProsodyExtension.withUsers("alice", "bob");
 * </pre>
 * and use {@link #server()}, or declare a {@link ProsodyServer} parameter; {@link WithProsody}
 * is the annotation form. Each user's password is the user name unless given with
 * {@link #user(String, String)}.
 * <p>
 * Without Prosody installed, the test class fails (it is never skipped) with a one-line message
 * that says what to install. Prosody logs at debug level here, so its log shows the stanzas;
 * when a test fails, the last 40 lines go to stderr, and the log is kept under
 * {@code target/prosody-logs}.
 */
public final class ProsodyExtension
		implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, ParameterResolver, TestWatcher {

	private final @Nullable ProsodyOptions options;

	private volatile @Nullable ProsodyServer server;

	/** The unique id of the class context that started the server (a nested class reuses it). */
	private @Nullable String ownerId;

	private volatile boolean testFailed;

	/** For {@code @ExtendWith}: options from {@link WithProsody} on the test class, else defaults. */
	public ProsodyExtension() {
		this.options = null;
	}

	private ProsodyExtension(ProsodyOptions options) {
		this.options = options;
	}

	/** Registers the users, each with the user name as password. */
	public static ProsodyExtension withUsers(String... users) {
		return new ProsodyExtension(testDefaults().withUsers(ServerLogs.namesAsPasswords(users)));
	}

	public static ProsodyExtension withOptions(ProsodyOptions options) {
		return new ProsodyExtension(options);
	}

	/** Adds a user with its password. */
	public ProsodyExtension user(String user, String password) {
		return new ProsodyExtension(options().withUser(user, password));
	}

	public ProsodyExtension domain(String domain) {
		return new ProsodyExtension(options().withDomain(domain));
	}

	public ProsodyExtension componentDomain(String componentDomain) {
		return new ProsodyExtension(options().withComponentDomain(componentDomain));
	}

	public ProsodyExtension componentSecret(String componentSecret) {
		return new ProsodyExtension(options().withComponentSecret(componentSecret));
	}

	/**
	 * Prosody's {@code component_conflict_resolve}: {@code KICK_NEW} (the default) refuses a second
	 * session for the component's domain, {@code KICK_OLD} closes the first one.
	 */
	public ProsodyExtension conflictResolve(ProsodyOptions.ConflictResolve conflictResolve) {
		return new ProsodyExtension(options().withConflictResolve(conflictResolve));
	}

	/**
	 * Whether the component host loads Kindling's hand-over module (on by default); off, the
	 * server behaves like one without it.
	 */
	public ProsodyExtension handover(boolean handover) {
		return new ProsodyExtension(options().withHandover(handover));
	}

	/** Prosody's log level: debug (the default here: the stanzas show up), info, warn or error. */
	public ProsodyExtension logLevel(String logLevel) {
		return new ProsodyExtension(options().withLogLevel(logLevel));
	}

	public ProsodyOptions options() {
		return (this.options != null) ? this.options : testDefaults();
	}

	/**
	 * The running server of the current test class.
	 * @throws IllegalStateException outside the test class's lifecycle
	 */
	public ProsodyServer server() {
		ProsodyServer current = this.server;
		if (current == null) {
			throw new IllegalStateException("Prosody is not started: use ProsodyServer within the test class, "
					+ "and register ProsodyExtension on a static field");
		}
		return current;
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		if (this.server != null) {
			return; // a @Nested class: the enclosing class's server serves it too
		}
		// A missing Prosody throws ProsodyNotInstalledException: the class fails, it is not skipped.
		ProsodyServer created = ProsodyServer.create(resolveOptions(context));
		try {
			created.start(); // on failure, the exception holds the tail of Prosody's output
		}
		catch (RuntimeException ex) {
			created.close();
			throw ex;
		}
		this.server = created;
		this.ownerId = context.getUniqueId();
		this.testFailed = false;
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		server(); // fails clearly when registered on an instance field, where beforeAll is not called
	}

	@Override
	public void afterAll(ExtensionContext context) {
		ProsodyServer current = this.server;
		if (current == null || !context.getUniqueId().equals(this.ownerId)) {
			return;
		}
		try {
			if (this.testFailed) {
				keepLog(current, context);
			}
		}
		finally {
			this.server = null;
			this.ownerId = null;
			current.close();
		}
	}

	@Override
	public void testFailed(ExtensionContext context, @Nullable Throwable cause) {
		ProsodyServer current = this.server;
		if (current == null) {
			return;
		}
		this.testFailed = true;
		ServerLogs.printTail("ProsodyExtension", context, "Prosody log", current);
	}

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return parameterContext.getParameter().getType() == ProsodyServer.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		ProsodyServer current = this.server;
		if (current == null) {
			throw new ParameterResolutionException("Prosody is not started: register ProsodyExtension on a "
					+ "static field or with @WithProsody on the test class");
		}
		return current;
	}

	@Override
	public String toString() {
		return "ProsodyExtension[" + options() + "]";
	}

	private ProsodyOptions resolveOptions(ExtensionContext context) {
		if (this.options != null) {
			return this.options;
		}
		Optional<WithProsody> annotation = context.getTestClass()
			.flatMap((testClass) -> AnnotationSupport.findAnnotation(testClass, WithProsody.class));
		if (annotation.isEmpty()) {
			return testDefaults();
		}
		WithProsody with = annotation.get();
		ProsodyOptions resolved = testDefaults()
			.withDomain(with.domain())
			.withComponentDomain(with.componentDomain())
			.withUsers(ServerLogs.namesAsPasswords(with.users()))
			.withLogLevel(with.logLevel());
		return with.componentSecret().isEmpty() ? resolved : resolved.withComponentSecret(with.componentSecret());
	}

	/** Copies the log out of the directory that close() deletes, to target/prosody-logs if there is a target. */
	private static void keepLog(ProsodyServer server, ExtensionContext context) {
		String name = context.getTestClass().map(Class::getName).orElse("prosody") + "-prosody.log";
		ServerLogs.keep("ProsodyExtension", "Prosody", server, ServerLogs.directory("prosody"), name);
	}

	/** {@link ProsodyOptions#defaults()} with log level debug. */
	private static ProsodyOptions testDefaults() {
		return ProsodyOptions.defaults().withLogLevel("debug");
	}

}
