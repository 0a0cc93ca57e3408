package dev.kindling.boot.autoconfigure;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

import dev.kindling.connection.ComponentEndpoint;

/**
 * Where the component connects, separate from how: by default from {@code xmpp.component.*}, from
 * the dev server when it runs, or from a test's own bean.
 */
public interface XmppConnectionDetails extends ConnectionDetails {

	/** The server's host. */
	String host();

	/** The server's component port. */
	int port();

	/** The component's full domain. */
	String domain();

	/** The shared secret. */
	String secret();

	default ComponentEndpoint toEndpoint() {
		return new ComponentEndpoint(host(), port(), domain(), secret());
	}

}
