package dev.kindling.boot.autoconfigure;

/**
 * {@code xmpp.dev-server.enabled=true} without the {@code kindling-devserver} module on the class
 * path. {@link DevServerNotOnClassPathFailureAnalyzer} says what to do.
 */
class DevServerNotOnClassPathException extends IllegalStateException {

	DevServerNotOnClassPathException() {
		super("xmpp.dev-server.enabled is true, but the dev server (dev.kindling:kindling-devserver) is not on the class path.");
	}

}
