package dev.kindling.boot.actuate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** A loopback port nothing listens on: a component started against it only ever backs off. */
public final class ClosedPort {

	private ClosedPort() {
	}

	public static int find() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Properties for a component that cannot connect. */
	public static String[] componentProperties() {
		return new String[] { "xmpp.component.host=127.0.0.1", "xmpp.component.port=" + find(),
				"xmpp.component.domain=bot.example.com", "xmpp.component.secret=s3cret-never-shown",
				"xmpp.component.shutdown-timeout=0s" };
	}

}
