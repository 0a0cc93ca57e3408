package dev.kindling.devserver;

import java.nio.file.Path;

/**
 * What a throw-away local XMPP server tells its clients and tests, whichever server it is:
 * {@link ProsodyServer} or one node of ejabberd ({@link EjabberdServer}). Code that only needs
 * the addresses, ports and log, such as a test client logging in, takes this type and works with
 * both.
 */
public interface XmppServer {

	/** The XMPP domain users are registered on. */
	String domain();

	/** The XEP-0114 component's domain. */
	String componentDomain();

	/** The XEP-0114 component's shared secret. */
	String componentSecret();

	/** The MUC service, {@code conference.<domain>}. */
	default String mucDomain() {
		return "conference." + domain();
	}

	/** The pubsub service, {@code pubsub.<domain>}. */
	default String pubsubDomain() {
		return "pubsub." + domain();
	}

	/** Always {@code 127.0.0.1}: the client, component and HTTP listeners are bound to it only. */
	default String host() {
		return ServerProcess.HOST;
	}

	int c2sPort();

	int componentPort();

	int httpPort();

	default String websocketUrl() {
		return "ws://" + host() + ":" + httpPort() + "/xmpp-websocket";
	}

	default String boshUrl() {
		return "http://" + host() + ":" + httpPort() + "/http-bind";
	}

	/** The temporary directory with the configuration, data and logs; deleted when the server closes. */
	Path directory();

	/** The server's log, at the level of its options. */
	Path logFile();

	/** The last lines of {@link #logFile()}, or an empty string if there is none. */
	default String logTail(int lines) {
		return ProsodyTools.tail(logFile(), lines);
	}

	/**
	 * The process id of the running server.
	 * @throws IllegalStateException if it is not running
	 */
	long pid();

	/** Whether the server's process is alive. */
	boolean isRunning();

}
