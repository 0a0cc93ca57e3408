package dev.kindling.devserver;

/**
 * ejabberd (or the Erlang runtime it runs on) was not found. The message is one line that says
 * what to install.
 */
public class EjabberdNotInstalledException extends EjabberdException {

	static final String INSTALL_HINT = "Install it: sudo apt-get install ejabberd (Debian/Ubuntu)";

	EjabberdNotInstalledException(String message) {
		super(message);
	}

}
