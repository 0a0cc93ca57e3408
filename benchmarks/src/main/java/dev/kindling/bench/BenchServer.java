package dev.kindling.bench;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.kindling.devserver.EjabberdBalancing;
import dev.kindling.devserver.EjabberdCluster;
import dev.kindling.devserver.EjabberdOptions;
import dev.kindling.devserver.EjabberdServer;
import dev.kindling.devserver.ProsodyOptions;
import dev.kindling.devserver.ProsodyServer;
import dev.kindling.devserver.XmppServer;

/**
 * The real XMPP server a scale-out scenario runs on, on loopback: where the clients log in, where
 * the replicas connect, and how much CPU the server itself spent.
 */
interface BenchServer extends AutoCloseable {

	/** Every user's password. */
	String PASSWORD = "bench-password";

	String name();

	/** The users' domain. */
	String domain();

	String componentDomain();

	String componentSecret();

	String host();

	/** The client port of each node (one for a single server): clients are spread over them in turn. */
	List<Integer> c2sPorts();

	/** The component port of each node (one for a single server). */
	List<Integer> componentPorts();

	/** User plus system CPU of the server process(es) so far. */
	long cpuMillis() throws IOException;

	@Override
	void close();

	/** The user names {@code u0…u(n-1)}. */
	static List<String> users(int count) {
		return java.util.stream.IntStream.range(0, count).mapToObj((i) -> "u" + i).toList();
	}

	/**
	 * ejabberd with {@code domain_balancing} bare_source and {@code component_number} N; for N = 1 no
	 * balancing entry (ejabberd 23.01 takes numbers from 2), which is the same for one session.
	 */
	static BenchServer ejabberd(int users, int componentNumber, int nodes) {
		Map<String, String> accounts = new LinkedHashMap<>();
		for (String user : users(users)) {
			accounts.put(user, PASSWORD);
		}
		EjabberdOptions options = EjabberdOptions.defaults().withUsers(accounts).withLogLevel("warning");
		if (componentNumber > 1) {
			options = options.withBalancing(EjabberdBalancing.BARE_SOURCE, componentNumber);
		}
		if (nodes > 1) {
			return cluster(EjabberdCluster.start(options, nodes));
		}
		EjabberdServer server = EjabberdServer.create(options).start();
		return single("ejabberd", server, server::close);
	}

	private static BenchServer cluster(EjabberdCluster cluster) {
		EjabberdServer first = cluster.node(0);
		return new BenchServer() {

			@Override
			public String name() {
				return "ejabberd";
			}

			@Override
			public String domain() {
				return first.domain();
			}

			@Override
			public String componentDomain() {
				return first.componentDomain();
			}

			@Override
			public String componentSecret() {
				return first.componentSecret();
			}

			@Override
			public String host() {
				return first.host();
			}

			@Override
			public List<Integer> c2sPorts() {
				return cluster.nodes().stream().map(EjabberdServer::c2sPort).toList();
			}

			@Override
			public List<Integer> componentPorts() {
				return cluster.nodes().stream().map(EjabberdServer::componentPort).toList();
			}

			@Override
			public long cpuMillis() throws IOException {
				long total = 0;
				for (EjabberdServer node : cluster.nodes()) {
					total += ProcStatus.cpuMillis(node.pid());
				}
				return total;
			}

			@Override
			public void close() {
				cluster.close();
			}

		};
	}

	/** Prosody from the dev server: one active component session per domain (the default {@code kick_new}). */
	static BenchServer prosody(int users) {
		Map<String, String> accounts = new LinkedHashMap<>();
		for (String user : users(users)) {
			accounts.put(user, PASSWORD);
		}
		ProsodyServer server = ProsodyServer.create(ProsodyOptions.defaults().withUsers(accounts).withLogLevel("warn"))
			.start();
		return single("prosody", server, server::close);
	}

	/** One server process, either kind: its one c2s and one component port. */
	private static BenchServer single(String name, XmppServer server, Runnable close) {
		return new BenchServer() {

			@Override
			public String name() {
				return name;
			}

			@Override
			public String domain() {
				return server.domain();
			}

			@Override
			public String componentDomain() {
				return server.componentDomain();
			}

			@Override
			public String componentSecret() {
				return server.componentSecret();
			}

			@Override
			public String host() {
				return server.host();
			}

			@Override
			public List<Integer> c2sPorts() {
				return List.of(server.c2sPort());
			}

			@Override
			public List<Integer> componentPorts() {
				return List.of(server.componentPort());
			}

			@Override
			public long cpuMillis() throws IOException {
				return ProcStatus.cpuMillis(server.pid());
			}

			@Override
			public void close() {
				close.run();
			}

		};
	}

}
