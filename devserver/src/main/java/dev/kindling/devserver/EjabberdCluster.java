package dev.kindling.devserver;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.IntStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Several {@link EjabberdServer} nodes joined into one ejabberd cluster on loopback: one
 * configuration (the same options), each node with its own directory, ports and database, all
 * sharing a cookie. The nodes' Erlang distribution listens on one port, node {@code i} on address
 * {@code 127.0.0.(i+1)}, so they find each other without epmd; clients and components connect to
 * each node's ports on 127.0.0.1. The route table is replicated, so a component attached to any
 * node serves clients on every node, and {@code domain_balancing} maps a key to the same slot
 * whichever node a stanza enters through.
 * <p>
 * {@link #start} starts the nodes in parallel and joins nodes 1, 2, ... to node 0
 * ({@code join_cluster}); the users of the options are registered once, on node 0, and are
 * replicated. A node that is killed or stopped rejoins when it is started again (its database
 * remembers the cluster). Nodes are indexed from 0.
 */
public final class EjabberdCluster implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(EjabberdCluster.class);

	private final List<EjabberdServer> nodes;

	private EjabberdCluster(List<EjabberdServer> nodes) {
		this.nodes = Collections.unmodifiableList(nodes);
	}

	/**
	 * Starts {@code size} nodes with the same options and joins them.
	 * @param options the configuration of every node; its ports must be 0 (free ones per node)
	 * @param size the number of nodes, 2 or more
	 * @throws EjabberdNotInstalledException if ejabberd or Erlang cannot be found
	 * @throws EjabberdException if a node cannot start or join
	 */
	public static EjabberdCluster start(EjabberdOptions options, int size) {
		if (size < 2 || size > 254) {
			throw new IllegalArgumentException("A cluster needs 2 to 254 nodes: " + size);
		}
		if (options.c2sPort() != 0 || options.componentPort() != 0 || options.httpPort() != 0) {
			throw new IllegalArgumentException("The nodes of a cluster need ports of their own: use ports 0, not "
					+ options.c2sPort() + "/" + options.componentPort() + "/" + options.httpPort());
		}
		long startNanos = System.nanoTime();
		EjabberdTools.Installation installation = EjabberdTools.locate(options.executable());
		String clusterId = EjabberdNode.randomId();
		String cookie = EjabberdNode.randomCookie();
		int distributionPort = EjabberdTools.freeDistributionPort(size);
		List<EjabberdServer> nodes = new ArrayList<>(size);
		EjabberdCluster cluster = new EjabberdCluster(nodes);
		try {
			for (int i = 0; i < size; i++) {
				// Users are registered on the first node only: the others get them when they join.
				EjabberdOptions nodeOptions = (i == 0) ? options : options.withUsers(Map.of());
				nodes.add(EjabberdServer.create(nodeOptions, installation,
						EjabberdNode.of(clusterId, i + 1, distributionPort, cookie)));
			}
			// Starting takes about a second per node, mostly waiting: in parallel.
			CompletableFuture<?>[] starts = nodes.stream()
				.map((node) -> CompletableFuture.runAsync(node::start))
				.toArray(CompletableFuture<?>[]::new);
			CompletableFuture.allOf(starts).join();
			for (int i = 1; i < size; i++) {
				nodes.get(i).joinCluster(nodes.get(0));
			}
		}
		catch (CompletionException ex) {
			cluster.close();
			throw (ex.getCause() instanceof RuntimeException cause) ? cause : ex;
		}
		catch (RuntimeException ex) {
			cluster.close();
			throw ex;
		}
		logger.info("ejabberd cluster of {} nodes started in {} ms: {}", size, ProsodyTools.millisSince(startNanos),
				nodes.stream().map(EjabberdServer::nodeName).toList());
		return cluster;
	}

	/** Node {@code index}, from 0; node 0 is the one the others joined. */
	public EjabberdServer node(int index) {
		return this.nodes.get(index);
	}

	public List<EjabberdServer> nodes() {
		return this.nodes;
	}

	public int size() {
		return this.nodes.size();
	}

	/** Kills node {@code index} with SIGKILL: its component sessions' slots are freed. */
	public void kill(int index) {
		node(index).kill();
	}

	/** Stops node {@code index} with SIGTERM. */
	public void stop(int index) {
		node(index).stop();
	}

	/**
	 * Starts node {@code index} again (stopping it first if it runs): same node name, ports and
	 * data, and it rejoins the cluster, which must have another node running.
	 */
	public EjabberdServer restart(int index) {
		return node(index).restart();
	}

	/**
	 * The cluster's running members as the node at {@code index} sees them (Erlang node names).
	 */
	public List<String> runningNodes(int index) {
		String printed = node(index).evaluate("[atom_to_list(N) || N <- ejabberd_cluster:get_nodes()]");
		return IntStream.range(0, size())
			.mapToObj(this::node)
			.map(EjabberdServer::nodeName)
			.filter((name) -> printed.contains('"' + name + '"'))
			.toList();
	}

	/** Kills every node and deletes their directories. Idempotent. */
	@Override
	public void close() {
		RuntimeException failure = null;
		for (EjabberdServer node : this.nodes) {
			try {
				node.close();
			}
			catch (RuntimeException ex) {
				if (failure == null) {
					failure = ex;
				}
				else {
					failure.addSuppressed(ex);
				}
			}
		}
		if (failure != null) {
			throw failure;
		}
	}

	@Override
	public String toString() {
		return "EjabberdCluster" + this.nodes;
	}

}
