package dev.kindling.devserver;

/**
 * The {@code prosody} executable was not found. The message is one line that says what to
 * install.
 */
public class ProsodyNotInstalledException extends ProsodyException {

	private static final String INSTALL_HINT = "Install it: sudo apt-get install prosody (Debian/Ubuntu)";

	private ProsodyNotInstalledException(String message) {
		super(message);
	}

	/** Nothing named {@code name} on the {@code PATH} nor in the usual install locations. */
	static ProsodyNotInstalledException notOnPath(String name) {
		return new ProsodyNotInstalledException(
				"Prosody is not installed (looked for '" + name + "' on PATH). " + INSTALL_HINT);
	}

	/** An explicitly configured executable does not exist or cannot be executed. */
	static ProsodyNotInstalledException notAt(String location) {
		return new ProsodyNotInstalledException(
				"Prosody is not installed (looked for '" + location + "'). " + INSTALL_HINT);
	}

}
