package dev.kindling.devserver;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The Erlang identity of one ejabberd node: its name, the loopback address and port its
 * distribution listens on, and its cookie. Nodes of one cluster share the port and the cookie and
 * differ in their address, so no epmd is needed to find each other.
 *
 * @param name the node name, e.g. {@code kindling-1a2b3c4d-1@127.0.0.1}
 * @param address the loopback address of the distribution listener
 * @param distributionPort the distribution port
 * @param cookie the Erlang cookie
 */
record EjabberdNode(String name, String address, int distributionPort, String cookie) {

	private static final SecureRandom random = new SecureRandom();

	/** Node {@code index} (1-based) of a cluster: address 127.0.0.{@code index}. */
	static EjabberdNode of(String clusterId, int index, int distributionPort, String cookie) {
		String address = address(index);
		return new EjabberdNode("kindling-" + clusterId + "-" + index + "@" + address, address, distributionPort,
				cookie);
	}

	static String address(int index) {
		if (index < 1 || index > 254) {
			throw new IllegalArgumentException("Node index must be 1 to 254: " + index);
		}
		return "127.0.0." + index;
	}

	/** The address as an Erlang tuple, e.g. {@code {127,0,0,1}}. */
	String addressTuple() {
		return "{" + this.address.replace('.', ',') + "}";
	}

	static String randomId() {
		byte[] bytes = new byte[4];
		random.nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

	static String randomCookie() {
		byte[] bytes = new byte[16];
		random.nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

	/** Leaves the cookie out. */
	@Override
	public String toString() {
		return this.name + " (distribution " + this.address + ":" + this.distributionPort + ")";
	}

}
