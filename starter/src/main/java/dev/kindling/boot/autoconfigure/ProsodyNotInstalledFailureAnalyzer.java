package dev.kindling.boot.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import dev.kindling.devserver.ProsodyNotInstalledException;

/**
 * Turns a missing Prosody under {@code xmpp.dev-server.enabled=true} into a one-line startup error
 * that says how to install it. Without the dev server module Boot skips this analyzer (its
 * exception type cannot be resolved), which is harmless: nothing can throw that exception then.
 */
class ProsodyNotInstalledFailureAnalyzer extends AbstractFailureAnalyzer<ProsodyNotInstalledException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, ProsodyNotInstalledException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Install Prosody (Debian/Ubuntu: sudo apt-get install prosody), or set xmpp.dev-server.enabled=false"
						+ " and point xmpp.component.host, port, domain and secret at your own XMPP server.",
				cause);
	}

}
