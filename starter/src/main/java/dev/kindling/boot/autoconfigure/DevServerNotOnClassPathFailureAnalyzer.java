package dev.kindling.boot.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns {@code xmpp.dev-server.enabled=true} without the dev server module into a startup error
 * that names the property and the dependency.
 */
class DevServerNotOnClassPathFailureAnalyzer extends AbstractFailureAnalyzer<DevServerNotOnClassPathException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, DevServerNotOnClassPathException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"For a local Prosody, add the dependency dev.kindling:kindling-devserver (optional, so that the"
						+ " runnable jar leaves it out). Against your own XMPP server, set xmpp.dev-server.enabled=false"
						+ " and point xmpp.component.host, port, domain and secret at it.",
				cause);
	}

}
